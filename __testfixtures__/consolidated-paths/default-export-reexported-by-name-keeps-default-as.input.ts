export { LegacyEnginePanel as Panel } from '../ui/legacy_panels';
