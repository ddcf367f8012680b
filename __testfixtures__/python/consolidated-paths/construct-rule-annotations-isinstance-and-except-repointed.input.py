from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


def describe(engine: ExecutionEngine) -> "ExecutionEngine":
    if isinstance(engine, (ExecutionEngine, object)):
        return engine
    try:
        raise TypeError(engine)
    except ExecutionEngine:
        return None
