import {
	// read once at start-up
	LEGACY_ENGINE_FLAG,
	UserExecutionEngine, // the engine every request gets
	type EngineContext,
} from '../../agents/execution_engine_consolidated';

export function start(context: EngineContext): UserExecutionEngine | null {
	return LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
