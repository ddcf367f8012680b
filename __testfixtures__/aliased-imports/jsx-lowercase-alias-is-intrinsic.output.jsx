import { EnginePanel } from '../ui/engine_panel';

export function Page() {
  return (
    <header className="page">
      <EnginePanel.Item label="engines" />
      {EnginePanel.name}
    </header>
  );
}
