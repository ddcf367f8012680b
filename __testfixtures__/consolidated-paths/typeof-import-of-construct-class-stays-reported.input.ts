export type LegacyEngineClass = typeof import('../agents/execution_engine_consolidated').ExecutionEngine;

export const makeShared = (Engine: LegacyEngineClass) => new Engine();
