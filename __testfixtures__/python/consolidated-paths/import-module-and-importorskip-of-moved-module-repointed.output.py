import importlib

import pytest

unified = importlib.import_module("netra_backend.app.agents.supervisor.execution_engine_factory")
factories = pytest.importorskip('netra_backend.app.agents.supervisor.execution_engine_factory')
consolidated = importlib.import_module("netra_backend.app.agents.execution_engine_consolidated")
