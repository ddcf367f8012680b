"""A zero-argument ExecutionEngine() (the shared global context) next to a migratable call."""
from ..agents.execution_engine_consolidated import LEGACY_GLOBAL_CONTEXT, ExecutionContext, ExecutionEngine


def handle_legacy(task):
    # No context: it cannot be migrated automatically; the report asks a human to give it one.
    return ExecutionEngine().run(task)


def handle_scoped(user_id, task):
    return ExecutionEngine(ExecutionContext(user_id=user_id, run_id=task)).run(task)


def is_shared(engine):
    return engine.context == LEGACY_GLOBAL_CONTEXT
