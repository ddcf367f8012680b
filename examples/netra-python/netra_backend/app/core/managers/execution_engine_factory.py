"""Compatibility factory: the canonical factory's names, and one of its own that has no canonical home."""
from ...agents.supervisor.execution_engine_factory import ExecutionEngineFactory, create_user_execution_engine

_default_factory = ExecutionEngineFactory()


def get_execution_engine_factory():
    return _default_factory
