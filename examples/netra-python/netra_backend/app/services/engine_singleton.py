"""A module-level engine: one shared instance for every caller (a singleton the report points out)."""
import netra_backend.app.agents.execution_engine_consolidated as consolidated
from netra_backend.app.agents.supervisor.user_execution_engine import ExecutionContext

engine = consolidated.ExecutionEngine(ExecutionContext(user_id="service", run_id="boot"))
