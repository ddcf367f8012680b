from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine
from netra_backend.app.agents.supervisor.execution_engine_factory import create_user_execution_engine

Engine = ExecutionEngine


def handle(request):
    return create_user_execution_engine(request.context)
