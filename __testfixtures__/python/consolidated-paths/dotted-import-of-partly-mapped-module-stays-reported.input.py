import netra_backend.app.agents.execution_engine_consolidated


def flag():
    return netra_backend.app.agents.execution_engine_consolidated.LEGACY_FLAG
