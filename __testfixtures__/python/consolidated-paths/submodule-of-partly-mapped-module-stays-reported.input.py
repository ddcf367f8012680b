from netra_backend.app.agents import execution_engine_consolidated, execution_engine_unified_factory as unified


def build(context):
    return execution_engine_consolidated.UserExecutionEngine(context), unified
