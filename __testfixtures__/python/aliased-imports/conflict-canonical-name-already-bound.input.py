from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as Engine

UserExecutionEngine = "something else"
