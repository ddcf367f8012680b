from netra_backend.app.agents.supervisor.execution_engine_factory import ExecutionEngineFactory, create_user_execution_engine


def handle(request):
    return create_user_execution_engine(request.context), ExecutionEngineFactory
