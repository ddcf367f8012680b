from ..agents.supervisor.user_execution_engine import UserExecutionEngine, EngineContext, EngineContext as PackageContext


def build(user_id):
    return UserExecutionEngine(EngineContext(user_id)), PackageContext
