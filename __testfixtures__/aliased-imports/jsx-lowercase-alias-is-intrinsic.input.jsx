import { EnginePanel as header } from '../ui/engine_panel';

export function Page() {
  return (
    <header className="page">
      <header.Item label="engines" />
      {header.name}
    </header>
  );
}
