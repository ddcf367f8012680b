"""The moved unified factory, reached every way Python can, and the compatibility factory as a module."""
import importlib

import netra_backend.app.core.managers.execution_engine_factory as managers
from netra_backend.app.agents import execution_engine_unified_factory
from netra_backend.app.agents.execution_engine_unified_factory import ExecutionEngineFactory


def build(context):
    unified = importlib.import_module("netra_backend.app.agents.execution_engine_unified_factory")
    first = execution_engine_unified_factory.create_user_execution_engine(context)
    second = unified.ExecutionEngineFactory().create(context)
    return first, second, ExecutionEngineFactory, managers.get_execution_engine_factory()
