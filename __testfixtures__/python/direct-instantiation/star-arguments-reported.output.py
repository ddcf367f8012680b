from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def handle(*args, **kwargs):
    return ExecutionEngine(*args), ExecutionEngine(**kwargs)
