/** @deprecated The panel's old home, where its default export went by a name. */
export { default as LegacyEnginePanel } from './engine_panel';

/** Not migrated: still served by the stub. */
export const PANEL_THEME = 'dark';
