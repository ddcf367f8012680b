export { default as Panel } from '../ui/engine_panel';
