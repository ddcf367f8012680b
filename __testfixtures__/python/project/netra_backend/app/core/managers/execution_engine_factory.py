"""Compatibility factory: every name it has is the canonical factory's, under the same name."""
from ...agents.supervisor.execution_engine_factory import ExecutionEngineFactory, create_user_execution_engine

__all__ = ["ExecutionEngineFactory", "create_user_execution_engine"]
