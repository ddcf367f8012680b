from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext

try:
    from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine
except ImportError:
    UserExecutionEngine = None
