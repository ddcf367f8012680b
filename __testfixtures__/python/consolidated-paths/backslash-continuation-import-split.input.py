from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG, \
    EngineContext


def build(user_id):
    return EngineContext(user_id), LEGACY_FLAG
