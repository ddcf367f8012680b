"""Seed pattern: the canonical engine, imported under the adapter's old name."""
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as IsolatedExecutionEngine


def build(context) -> IsolatedExecutionEngine:
    engine: "IsolatedExecutionEngine" = IsolatedExecutionEngine(context)
    assert isinstance(engine, IsolatedExecutionEngine), f"not an {IsolatedExecutionEngine.__name__}"
    return engine


ENGINES = [IsolatedExecutionEngine]
