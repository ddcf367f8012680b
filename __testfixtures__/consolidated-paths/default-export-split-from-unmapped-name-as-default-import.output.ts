import { PANEL_THEME } from '../ui/legacy_panels';
import Panel from '../ui/engine_panel';

export const panel = Panel({ title: PANEL_THEME });
