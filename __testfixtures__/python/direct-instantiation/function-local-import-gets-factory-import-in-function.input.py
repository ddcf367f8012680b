def handle(request):
    from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine
    return ExecutionEngine(request.context)
