from ..agents.supervisor.user_execution_engine import UserExecutionEngine as Engine
