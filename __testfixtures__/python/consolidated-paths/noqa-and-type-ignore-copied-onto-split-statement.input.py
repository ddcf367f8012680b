from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG, UserExecutionEngine  # noqa: F401
from netra_backend.app.agents.execution_engine_consolidated import legacy_helper, EngineContext  # type: ignore[attr-defined]
