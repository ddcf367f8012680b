from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine

DEFAULT_ENGINE_CLASS = UserExecutionEngine if LEGACY_FLAG else None

from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext
