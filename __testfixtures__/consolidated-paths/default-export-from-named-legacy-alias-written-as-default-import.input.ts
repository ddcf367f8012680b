import { LegacyEnginePanel as Panel } from '../ui/legacy_panels';

export const panel = Panel({ title: 'engines' });
