from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def handle():
    return ExecutionEngine()
