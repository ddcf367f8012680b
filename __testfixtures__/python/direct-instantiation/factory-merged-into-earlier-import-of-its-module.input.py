from netra_backend.app.agents.supervisor.execution_engine_factory import ExecutionEngineFactory
from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def handle(request):
    return ExecutionEngine(request.context), ExecutionEngineFactory
