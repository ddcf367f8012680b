"""Delegation wrapper: moved as a whole to supervisor.execution_engine_factory."""
from .supervisor.execution_engine_factory import ExecutionEngineFactory, create_user_execution_engine
