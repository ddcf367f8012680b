from ..agents.supervisor.user_execution_engine import (
    EngineContext,  # the context
    UserExecutionEngine,
)


def build(user_id):
    return UserExecutionEngine(EngineContext(user_id))
