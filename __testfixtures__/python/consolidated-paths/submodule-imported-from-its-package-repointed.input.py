from netra_backend.app.agents import execution_engine_unified_factory
from .. import legacy_pkg
from ..core.managers import execution_engine_factory as factories


def build(context):
    return execution_engine_unified_factory.create_user_execution_engine(context), legacy_pkg.EngineContext, factories
