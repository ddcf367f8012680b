"""BOM and CRLF."""
from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def build(context):
    return UserExecutionEngine(context) if LEGACY_FLAG else None
