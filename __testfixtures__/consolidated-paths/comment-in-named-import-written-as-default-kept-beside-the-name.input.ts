import { LegacyEnginePanel as Panel /* the old panel */ } from '../ui/legacy_panels';

export const panel = Panel({ title: 'engines' });
