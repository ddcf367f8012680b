import netra_backend.app.agents.supervisor.execution_engine_factory as factories


def build(context):
    return factories.create_user_execution_engine(context), factories.ExecutionEngineFactory()
