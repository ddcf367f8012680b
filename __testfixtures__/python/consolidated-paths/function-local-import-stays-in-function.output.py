from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext


def build(user_id):
    from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG
    from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine
    return UserExecutionEngine(EngineContext(user_id)), LEGACY_FLAG
