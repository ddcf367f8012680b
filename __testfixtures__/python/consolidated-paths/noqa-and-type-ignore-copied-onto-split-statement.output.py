from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG  # noqa: F401
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine  # noqa: F401
from netra_backend.app.agents.execution_engine_consolidated import legacy_helper  # type: ignore[attr-defined]
from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext  # type: ignore[attr-defined]
