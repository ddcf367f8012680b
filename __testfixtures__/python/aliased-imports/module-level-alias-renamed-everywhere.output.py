"""Seed pattern: the canonical engine, imported under the adapter's old name."""
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def build(context) -> UserExecutionEngine:
    engine: "UserExecutionEngine" = UserExecutionEngine(context)
    assert isinstance(engine, UserExecutionEngine), f"not an {UserExecutionEngine.__name__}"
    return engine


ENGINES = [UserExecutionEngine]
