"""The adapter: a mapped name (the canonical engine) and an unmapped one (which stays and is reported)."""
from ..agents.execution_engine_legacy_adapter import IsolatedExecutionEngine, adapt_legacy_result  # noqa: F401
from ..agents.supervisor.execution_engine import ExecutionEngine
from ..agents.supervisor.execution_engine_factory import create_user_execution_engine


def on_message(context, message, sent):
    engine = create_user_execution_engine(context, websocket_emitter=sent)
    return adapt_legacy_result(engine.run(message)), isinstance(engine, (IsolatedExecutionEngine, ExecutionEngine))
