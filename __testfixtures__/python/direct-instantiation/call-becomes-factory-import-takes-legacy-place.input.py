"""Seed pattern: a direct ExecutionEngine(ctx) that bypasses the factory."""
from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def handle(request):
    engine = ExecutionEngine(request.context)
    return engine.run(request)
