"""The canonical execution engine (SSOT): one instance per user request, built with everything it needs.

Before the consolidation an engine was created with no arguments and shared one global context, so
concurrent users could see each other's runs and WebSocket events. Here the context, the agent factory and
the WebSocket emitter are all constructor arguments: nothing is shared unless a caller shares it.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExecutionContext:
    """Who the engine runs for: every run, event and result is tagged with it."""

    user_id: str
    run_id: str


@dataclass
class UserExecutionEngine:
    context: ExecutionContext
    agent_factory: object = None
    websocket_emitter: object = None
    history: list = field(default_factory=list)

    def run(self, task):
        result = f"{self.context.user_id}:{task}"
        self.history.append(result)
        if self.websocket_emitter is not None:
            self.websocket_emitter.append(("agent_completed", self.context.user_id, task))
        return result
