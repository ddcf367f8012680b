export type Context = import('../agents/supervisor/user_execution_engine').EngineContext;

export const guest: Context = { userId: 'guest' };
