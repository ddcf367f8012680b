import LegacyEnginePanel, { type EnginePanelProps } from '../ui/engine_panel';

export const props: EnginePanelProps = { title: 'engines' };
export const panel = LegacyEnginePanel(props);
