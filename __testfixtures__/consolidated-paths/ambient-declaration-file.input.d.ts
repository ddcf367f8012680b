import type { ExecutionEngine, EngineContext } from '../agents/execution_engine_consolidated';

export declare const defaultContext: EngineContext;
export declare function engineFor(context: EngineContext): ExecutionEngine;
