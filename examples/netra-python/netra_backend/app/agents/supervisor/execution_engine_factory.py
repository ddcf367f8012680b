"""The canonical factory: the only way an engine should be built."""
from .user_execution_engine import ExecutionContext, UserExecutionEngine


def create_user_execution_engine(context, agent_factory=None, websocket_emitter=None):
    if not isinstance(context, ExecutionContext):
        raise TypeError("an engine needs the ExecutionContext of the user it runs for")
    return UserExecutionEngine(context, agent_factory, websocket_emitter)


class ExecutionEngineFactory:
    """Builds engines for one tenant's agents and emitter."""

    def __init__(self, agent_factory=None, websocket_emitter=None):
        self.agent_factory = agent_factory
        self.websocket_emitter = websocket_emitter

    def create(self, context):
        return create_user_execution_engine(context, self.agent_factory, self.websocket_emitter)
