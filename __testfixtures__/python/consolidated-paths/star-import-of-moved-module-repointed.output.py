from netra_backend.app.agents.supervisor.execution_engine_factory import *
from ..agents.supervisor.user_execution_engine import *
