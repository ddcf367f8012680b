"""BOM and CRLF."""
from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG, UserExecutionEngine


def build(context):
    return UserExecutionEngine(context) if LEGACY_FLAG else None
