from netra_backend.app.agents.execution_engine_consolidated import (
    LEGACY_FLAG,
    legacy_helper,
)
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def build(context):
    return UserExecutionEngine(context), LEGACY_FLAG, legacy_helper
