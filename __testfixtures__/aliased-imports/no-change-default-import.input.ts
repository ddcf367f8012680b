import Panel, { default as PanelComponent } from '../ui/engine_panel';

export const panels = [Panel, PanelComponent];
