from netra_backend.app.agents.supervisor.user_execution_engine import (
    EngineContext,
    UserExecutionEngine,
)
from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG
