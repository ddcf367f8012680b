from ..agents.execution_engine_consolidated import UserExecutionEngine, EngineContext
from ..legacy_pkg import EngineContext as PackageContext


def build(user_id):
    return UserExecutionEngine(EngineContext(user_id)), PackageContext
