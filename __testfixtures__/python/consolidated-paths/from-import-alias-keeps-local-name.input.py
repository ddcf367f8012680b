from netra_backend.app.agents.supervisor.execution_engine import ExecutionEngine as Engine


def build(context):
    return Engine(context)
