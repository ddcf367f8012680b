from netra_backend.app.agents.supervisor import execution_engine_factory as execution_engine_unified_factory
from ..agents.supervisor import user_execution_engine as legacy_pkg
from ..agents.supervisor import execution_engine_factory as factories


def build(context):
    return execution_engine_unified_factory.create_user_execution_engine(context), legacy_pkg.EngineContext, factories
