import {
	EngineContext,
	LEGACY_ENGINE_FLAG,
	UserExecutionEngine,
	type ExecutionEngine,
} from "../../agents/execution_engine_consolidated";

export const start = (context: EngineContext, legacy: ExecutionEngine | null) =>
	LEGACY_ENGINE_FLAG ? legacy : new UserExecutionEngine(context);
