from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine

names = [Engine for Engine in ("a", "b")]
engines = {key: UserExecutionEngine for key in ("a", "b")}
both = [(Engine, other) for Engine in range(2) for other in [Engine]]
