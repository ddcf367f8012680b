from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine
from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext

GLOBAL_ENGINE = ExecutionEngine(EngineContext("global"))


class Service:
    engine = ExecutionEngine(EngineContext("class"))
