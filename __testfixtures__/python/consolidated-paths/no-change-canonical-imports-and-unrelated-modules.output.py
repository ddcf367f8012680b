import os
from collections import OrderedDict

from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine
from ..agents.supervisor.execution_engine_factory import create_user_execution_engine

REGISTRY = OrderedDict(engine=UserExecutionEngine, factory=create_user_execution_engine, cwd=os.getcwd)
