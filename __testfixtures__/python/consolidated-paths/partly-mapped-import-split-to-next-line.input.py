from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine, LEGACY_FLAG


def build(context):
    return UserExecutionEngine(context) if LEGACY_FLAG else None
