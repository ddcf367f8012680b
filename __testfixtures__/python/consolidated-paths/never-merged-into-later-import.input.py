from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine, LEGACY_FLAG

DEFAULT_ENGINE_CLASS = UserExecutionEngine if LEGACY_FLAG else None

from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext
