from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def create_user_execution_engine(context):
    return ExecutionEngine(context)
