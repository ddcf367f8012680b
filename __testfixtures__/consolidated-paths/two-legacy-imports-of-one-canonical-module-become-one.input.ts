import { EngineContext } from '../agents/execution_engine_consolidated';
import { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';

export const start = (context: EngineContext) => new IsolatedExecutionEngine(context);
