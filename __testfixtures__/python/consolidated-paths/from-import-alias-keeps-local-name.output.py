from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as Engine


def build(context):
    return Engine(context)
