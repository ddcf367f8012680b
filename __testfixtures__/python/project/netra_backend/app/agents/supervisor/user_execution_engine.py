"""The canonical execution engine: one per user, built by the factory."""


class EngineContext:
    def __init__(self, user_id):
        self.user_id = user_id


class UserExecutionEngine:
    def __init__(self, context, agent_factory=None, websocket_emitter=None):
        self.context = context
        self.agent_factory = agent_factory
        self.websocket_emitter = websocket_emitter

    @classmethod
    def for_tests(cls):
        return cls(EngineContext("test"))
