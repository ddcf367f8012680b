"""Deprecated: a redirect to UserExecutionEngine."""
from .user_execution_engine import UserExecutionEngine as ExecutionEngine

__all__ = ["ExecutionEngine"]
