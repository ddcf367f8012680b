import { LEGACY_ENGINE_FLAG } from "../../agents/execution_engine_consolidated";
import {
	EngineContext,
	UserExecutionEngine,
	type UserExecutionEngine as ExecutionEngine,
} from "../../agents/supervisor/user_execution_engine";

export const start = (context: EngineContext, legacy: ExecutionEngine | null) =>
	LEGACY_ENGINE_FLAG ? legacy : new UserExecutionEngine(context);
