export type Context = import('../agents/execution_engine_consolidated').EngineContext;

export const guest: Context = { userId: 'guest' };
