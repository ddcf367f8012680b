from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext, UserExecutionEngine


def build(user_id):
    return UserExecutionEngine(EngineContext(user_id))
