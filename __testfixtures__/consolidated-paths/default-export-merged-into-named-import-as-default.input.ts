import { type EnginePanelProps } from '../ui/engine_panel';
import { LegacyEnginePanel } from '../ui/legacy_panels';

export const props: EnginePanelProps = { title: 'engines' };
export const panel = LegacyEnginePanel(props);
