"""A module whose names other files import: renaming or removing them would break those imports."""
from ..agents.supervisor.user_execution_engine import UserExecutionEngine as SharedEngine
from ..agents.supervisor.user_execution_engine import EngineContext as PublicContext

__all__ = ["PublicContext"]
