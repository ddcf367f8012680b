from netra_backend.app.agents.supervisor.execution_engine_factory import create_user_execution_engine
from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext

GLOBAL_ENGINE = create_user_execution_engine(EngineContext("global"))


class Service:
    engine = create_user_execution_engine(EngineContext("class"))
