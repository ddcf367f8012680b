"""Deprecated consolidation stub, kept for compatibility during the SSOT migration.

Import UserExecutionEngine from netra_backend.app.agents.supervisor.user_execution_engine and build
engines with create_user_execution_engine(context) from ...supervisor.execution_engine_factory.
"""
from .supervisor.user_execution_engine import ExecutionContext, UserExecutionEngine

# Every engine built without arguments shares this one context: the user-isolation bug the migration removes.
LEGACY_GLOBAL_CONTEXT = ExecutionContext(user_id="global", run_id="shared")


class ExecutionEngine(UserExecutionEngine):
    """The pre-SSOT engine: ExecutionEngine() still works, and silently shares state."""

    def __init__(self, context=LEGACY_GLOBAL_CONTEXT, agent_factory=None, websocket_emitter=None):
        super().__init__(context, agent_factory, websocket_emitter)
