from typing import List, Optional

from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def pick(engines: List["UserExecutionEngine"], default: "Optional[UserExecutionEngine]" = None) -> "UserExecutionEngine":
    note = "Engine is a word in this message, not a reference"
    return engines[0] if engines else default
