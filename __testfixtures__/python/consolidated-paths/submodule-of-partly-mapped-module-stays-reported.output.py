from netra_backend.app.agents import execution_engine_consolidated
from netra_backend.app.agents.supervisor import execution_engine_factory as unified


def build(context):
    return execution_engine_consolidated.UserExecutionEngine(context), unified
