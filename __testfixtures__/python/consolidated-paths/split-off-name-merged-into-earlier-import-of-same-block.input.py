from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext
from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine, LEGACY_FLAG


def build(user_id):
    return UserExecutionEngine(EngineContext(user_id)) if LEGACY_FLAG else None
