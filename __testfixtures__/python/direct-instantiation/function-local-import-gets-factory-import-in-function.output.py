def handle(request):
    from netra_backend.app.agents.supervisor.execution_engine_factory import create_user_execution_engine
    return create_user_execution_engine(request.context)
