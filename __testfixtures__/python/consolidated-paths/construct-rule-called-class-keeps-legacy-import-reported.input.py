from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def build(context):
    return ExecutionEngine(context)
