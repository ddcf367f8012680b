import { EnginePanel as Panel } from '../ui/engine_panel';

function Slot(props: { Panel: unknown }) {
  return props.Panel ? null : null;
}

export function Dashboard({ items }: { items: string[] }) {
  return (
    <Panel title="Panel">
      {items.map((label) => (
        <Panel.Item key={label} label={label} />
      ))}
      <Panel.Item label="total"></Panel.Item>
      <Slot Panel={Panel} />
    </Panel>
  );
}
