def build(context):
	from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG
	from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine
	if LEGACY_FLAG:
		return UserExecutionEngine(context)
