from netra_backend.app.agents.supervisor.execution_engine_factory import create_user_execution_engine
from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine, LEGACY_FLAG


def handle(request):
    if LEGACY_FLAG:
        return ExecutionEngine(request.context)
    return create_user_execution_engine(request.context)
