"""Seed pattern: the canonical engine imported under the adapter's name, in every position."""
from netra_backend.app.agents.supervisor.user_execution_engine import ExecutionContext
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as IsolatedExecutionEngine


def run_isolated(user_id: str, task: str) -> "IsolatedExecutionEngine":
    engine = IsolatedExecutionEngine(ExecutionContext(user_id=user_id, run_id=task))
    engine.run(task)
    return engine


def describe(IsolatedExecutionEngine=None):
    # A parameter of the same name shadows the import: untouched.
    return IsolatedExecutionEngine


ENGINE_TYPES = {"isolated": IsolatedExecutionEngine}
