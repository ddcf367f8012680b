"""Deprecated consolidation stub: its ExecutionEngine shared one global context."""
from .supervisor.user_execution_engine import EngineContext, UserExecutionEngine

LEGACY_FLAG = True


class ExecutionEngine(UserExecutionEngine):
    pass


def legacy_helper():
    return LEGACY_FLAG
