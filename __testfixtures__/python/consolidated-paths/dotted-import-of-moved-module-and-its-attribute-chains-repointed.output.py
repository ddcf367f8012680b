import netra_backend.app.agents.supervisor.execution_engine_factory


def build(context):
    factory = netra_backend.app.agents.supervisor.execution_engine_factory.ExecutionEngineFactory()
    return factory, netra_backend.app.agents.supervisor.execution_engine_factory.create_user_execution_engine(context)
