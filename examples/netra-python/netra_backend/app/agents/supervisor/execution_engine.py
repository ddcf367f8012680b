"""Deprecated redirect: the old name of the canonical engine itself (same constructor)."""
from .user_execution_engine import UserExecutionEngine as ExecutionEngine

__all__ = ["ExecutionEngine"]
