import * as managers from '../agents/supervisor/execution_engine_factory';

export const factory = new managers.ExecutionEngineFactory();
