import netra_backend.app.agents.execution_engine_unified_factory
import netra_backend


def build(context):
    return netra_backend.app.agents.execution_engine_unified_factory.create_user_execution_engine(context), netra_backend.app
