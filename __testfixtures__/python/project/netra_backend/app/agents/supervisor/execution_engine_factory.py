"""The canonical factory."""
from .user_execution_engine import UserExecutionEngine


class ExecutionEngineFactory:
    def create(self, context):
        return create_user_execution_engine(context)


def create_user_execution_engine(context, agent_factory=None, websocket_emitter=None):
    return UserExecutionEngine(context, agent_factory, websocket_emitter)
