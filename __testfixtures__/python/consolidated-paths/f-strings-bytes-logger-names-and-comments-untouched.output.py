import logging
from unittest import mock

# netra_backend.app.agents.execution_engine_consolidated is deprecated
logger = logging.getLogger("netra_backend.app.agents.execution_engine_consolidated")
MODULE = "netra_backend.app.agents.execution_engine_unified_factory"
TARGET = f"netra_backend.app.agents.execution_engine_unified_factory.{MODULE}"
RAW = b"netra_backend.app.agents.execution_engine_unified_factory"


@mock.patch("netra_backend.app.agents.execution_engine_unified_factory" ".create_user_execution_engine")
@mock.patch(f"netra_backend.app.agents.execution_engine_unified_factory.create_user_execution_engine")
@mock.patch("""netra_backend.app.agents.execution_engine_unified_factory.create_user_execution_engine""")
def test_untouched(a, b, c):
    pass
