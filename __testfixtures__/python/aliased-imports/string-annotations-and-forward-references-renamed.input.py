from typing import List, Optional

from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as Engine


def pick(engines: List["Engine"], default: "Optional[Engine]" = None) -> "Engine":
    note = "Engine is a word in this message, not a reference"
    return engines[0] if engines else default
