"""Seed pattern: the consolidated stub's name, imported absolutely."""
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def build(context):
    return UserExecutionEngine(context)
