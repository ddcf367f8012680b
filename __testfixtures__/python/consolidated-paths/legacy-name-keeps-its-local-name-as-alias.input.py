from netra_backend.app.agents.supervisor.execution_engine import ExecutionEngine


def build(context):
    return ExecutionEngine(context)
