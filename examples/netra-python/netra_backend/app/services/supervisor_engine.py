"""A subclass of the legacy engine: the class is still needed, so its import stays (reported)."""
from typing import TYPE_CHECKING

from netra_backend.app.agents.execution_engine_consolidated import ExecutionEngine

if TYPE_CHECKING:
    from netra_backend.app.agents.execution_engine_consolidated import ExecutionContext


class SupervisorEngine(ExecutionEngine):
    def describe(self, context: "ExecutionContext") -> str:
        return f"supervisor for {context.user_id}"
