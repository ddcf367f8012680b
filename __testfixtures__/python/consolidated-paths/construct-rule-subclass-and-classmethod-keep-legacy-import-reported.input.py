from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine


class TracingEngine(ExecutionEngine):
    pass


def for_tests():
    return ExecutionEngine.for_tests()
