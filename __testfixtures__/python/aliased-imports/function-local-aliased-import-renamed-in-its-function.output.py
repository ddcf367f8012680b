def build(context):
    from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine
    return UserExecutionEngine(context)


def other(Engine):
    return Engine
