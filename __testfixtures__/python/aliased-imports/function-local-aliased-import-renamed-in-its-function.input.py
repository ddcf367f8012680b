def build(context):
    from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as Engine
    return Engine(context)


def other(Engine):
    return Engine
