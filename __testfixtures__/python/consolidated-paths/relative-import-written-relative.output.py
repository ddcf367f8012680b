from ..agents.supervisor.user_execution_engine import UserExecutionEngine, EngineContext
from ..agents.supervisor.user_execution_engine import EngineContext as PackageContext


def build(user_id):
    return UserExecutionEngine(EngineContext(user_id)), PackageContext
