import netra_backend.app.agents.execution_engine_consolidated as consolidated
from netra_backend.app.agents.supervisor.execution_engine_factory import create_user_execution_engine


def handle(request):
    return create_user_execution_engine(request.context, agent_factory=None), consolidated.LEGACY_FLAG
