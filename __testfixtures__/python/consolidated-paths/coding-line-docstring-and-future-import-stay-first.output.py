# -*- coding: utf-8 -*-
"""The first statement stays the docstring, the future import stays before every other."""
from __future__ import annotations

from netra_backend.app.agents.execution_engine_consolidated import LEGACY_FLAG
from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def build(context) -> UserExecutionEngine:
    return UserExecutionEngine(context) if LEGACY_FLAG else None
