"""Seed pattern: a direct ExecutionEngine(ctx) that bypasses the factory."""
from netra_backend.app.agents.supervisor.execution_engine_factory import create_user_execution_engine


def handle(request):
    engine = create_user_execution_engine(request.context)
    return engine.run(request)
