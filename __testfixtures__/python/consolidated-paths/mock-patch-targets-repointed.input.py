from unittest import mock
from unittest.mock import patch


@mock.patch("netra_backend.app.agents.execution_engine_consolidated.UserExecutionEngine")
@patch('netra_backend.app.agents.supervisor.execution_engine.ExecutionEngine.for_tests')
def test_engine(engine, for_tests):
    with mock.patch.dict("netra_backend.app.agents.execution_engine_unified_factory.__dict__", {}):
        with patch(target="netra_backend.app.legacy_pkg.EngineContext"):
            pass
