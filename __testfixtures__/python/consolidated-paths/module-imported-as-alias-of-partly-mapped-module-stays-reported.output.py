import netra_backend.app.agents.execution_engine_consolidated as consolidated


def build(context):
    return consolidated.UserExecutionEngine(context), consolidated.LEGACY_FLAG
