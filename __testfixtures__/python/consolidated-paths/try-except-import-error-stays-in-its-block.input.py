from netra_backend.app.agents.supervisor.user_execution_engine import EngineContext

try:
    from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine
except ImportError:
    UserExecutionEngine = None
