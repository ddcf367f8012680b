from ..agents.supervisor.user_execution_engine import UserExecutionEngine as Engine


def build(context):
    return Engine(context)
