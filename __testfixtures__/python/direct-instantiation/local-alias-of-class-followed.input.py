from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine

Engine = ExecutionEngine


def handle(request):
    return Engine(request.context)
