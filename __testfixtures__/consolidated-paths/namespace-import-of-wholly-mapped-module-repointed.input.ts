import * as managers from '../core/managers/execution_engine_factory';

export const factory = new managers.ExecutionEngineFactory();
