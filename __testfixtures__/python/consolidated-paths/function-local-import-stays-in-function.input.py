from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext


def build(user_id):
    from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine, LEGACY_FLAG
    return UserExecutionEngine(EngineContext(user_id)), LEGACY_FLAG
