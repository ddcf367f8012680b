def build(context):
	from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG, UserExecutionEngine
	if LEGACY_FLAG:
		return UserExecutionEngine(context)
