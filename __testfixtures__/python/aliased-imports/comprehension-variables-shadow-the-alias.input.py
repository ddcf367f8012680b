from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as Engine

names = [Engine for Engine in ("a", "b")]
engines = {key: Engine for key in ("a", "b")}
both = [(Engine, other) for Engine in range(2) for other in [Engine]]
