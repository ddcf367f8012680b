from netra_backend.app.agents.execution_engine_consolidated import (
    LEGACY_FLAG,
    UserExecutionEngine,  # the engine
    legacy_helper,
)


def build(context):
    return UserExecutionEngine(context), LEGACY_FLAG, legacy_helper
