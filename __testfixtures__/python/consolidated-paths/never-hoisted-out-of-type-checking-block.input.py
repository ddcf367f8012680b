from typing import TYPE_CHECKING

from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext

if TYPE_CHECKING:
    from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine


def build(user_id) -> "UserExecutionEngine":
    return EngineContext(user_id)
