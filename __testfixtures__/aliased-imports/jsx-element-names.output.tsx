import { EnginePanel } from '../ui/engine_panel';

function Slot(props: { Panel: unknown }) {
  return props.Panel ? null : null;
}

export function Dashboard({ items }: { items: string[] }) {
  return (
    <EnginePanel title="Panel">
      {items.map((label) => (
        <EnginePanel.Item key={label} label={label} />
      ))}
      <EnginePanel.Item label="total"></EnginePanel.Item>
      <Slot Panel={EnginePanel} />
    </EnginePanel>
  );
}
