import netra_backend.app.agents.execution_engine_consolidated as consolidated


def handle(request):
    return consolidated.ExecutionEngine(request.context, agent_factory=None), consolidated.LEGACY_FLAG
