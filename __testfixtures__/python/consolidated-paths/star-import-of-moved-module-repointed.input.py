from netra_backend.app.agents.execution_engine_unified_factory import *
from ..legacy_pkg import *
