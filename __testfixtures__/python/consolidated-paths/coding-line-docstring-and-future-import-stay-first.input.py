# -*- coding: utf-8 -*-
"""The first statement stays the docstring, the future import stays before every other."""
from __future__ import annotations

from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine, LEGACY_FLAG


def build(context) -> UserExecutionEngine:
    return UserExecutionEngine(context) if LEGACY_FLAG else None
