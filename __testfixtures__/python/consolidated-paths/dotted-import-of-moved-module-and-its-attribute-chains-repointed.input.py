import netra_backend.app.agents.execution_engine_unified_factory


def build(context):
    factory = netra_backend.app.agents.execution_engine_unified_factory.ExecutionEngineFactory()
    return factory, netra_backend.app.agents.execution_engine_unified_factory.create_user_execution_engine(context)
