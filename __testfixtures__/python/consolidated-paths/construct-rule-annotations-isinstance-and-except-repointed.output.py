from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as ExecutionEngine


def describe(engine: ExecutionEngine) -> "ExecutionEngine":
    if isinstance(engine, (ExecutionEngine, object)):
        return engine
    try:
        raise TypeError(engine)
    except ExecutionEngine:
        return None
