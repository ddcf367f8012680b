"""Compatibility adapter."""
from .supervisor.user_execution_engine import UserExecutionEngine as IsolatedExecutionEngine
