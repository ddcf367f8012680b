/** The canonical panel that shows an engine; `EnginePanel.Item` is one row of it. */
export interface EnginePanelProps {
  title?: string;
  children?: unknown;
}

function EnginePanelItem(props: { label: string }): null {
  void props;
  return null;
}

export function EnginePanel(props: EnginePanelProps): null {
  void props;
  return null;
}
EnginePanel.Item = EnginePanelItem;

export default EnginePanel;
