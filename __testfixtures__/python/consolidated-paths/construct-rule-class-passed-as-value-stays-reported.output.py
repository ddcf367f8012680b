from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine

ENGINE_CLASSES = {"default": ExecutionEngine}
