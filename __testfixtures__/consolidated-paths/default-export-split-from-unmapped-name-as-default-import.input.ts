import { LegacyEnginePanel as Panel, PANEL_THEME } from '../ui/legacy_panels';

export const panel = Panel({ title: PANEL_THEME });
