from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def handle(ExecutionEngine, request):
    return ExecutionEngine(request.context)


KIND = ExecutionEngine
