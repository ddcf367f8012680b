"""Seed pattern: a direct ExecutionEngine(ctx) in a request handler, an annotation and an isinstance test."""
from netra_backend.app.agents.execution_engine_consolidated import ExecutionContext, ExecutionEngine


def handle_run(user_id: str, task: str) -> str:
    engine: ExecutionEngine = ExecutionEngine(ExecutionContext(user_id=user_id, run_id=task))
    assert isinstance(engine, ExecutionEngine)
    return engine.run(task)
