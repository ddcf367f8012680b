"""A legacy package whose every name moved to the canonical module under the same name."""
from ..agents.supervisor.user_execution_engine import EngineContext
