from ..agents.supervisor.user_execution_engine import (
    EngineContext as Ctx,  # the context
    UserExecutionEngine as Engine,
)


def build(user_id):
    return Engine(Ctx(user_id))
