"""Seed pattern: the consolidated stub's name, imported absolutely."""
from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine


def build(context):
    return UserExecutionEngine(context)
