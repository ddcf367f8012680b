"""Legacy adapter: the canonical engine under its adapter name, and a result shape with no canonical home."""
from .supervisor.user_execution_engine import UserExecutionEngine as IsolatedExecutionEngine


def adapt_legacy_result(result):
    return {"output": result, "ok": True}
