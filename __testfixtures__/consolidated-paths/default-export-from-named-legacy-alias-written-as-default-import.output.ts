import Panel from '../ui/engine_panel';

export const panel = Panel({ title: 'engines' });
