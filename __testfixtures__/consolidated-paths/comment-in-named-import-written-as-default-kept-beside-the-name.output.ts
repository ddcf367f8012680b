import Panel /* the old panel */ from '../ui/engine_panel';

export const panel = Panel({ title: 'engines' });
