from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


class TracingEngine(ExecutionEngine):
    pass


def handle(request):
    return ExecutionEngine(request.context)
