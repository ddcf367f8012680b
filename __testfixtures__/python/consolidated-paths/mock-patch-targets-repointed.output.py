from unittest import mock
from unittest.mock import patch


@mock.patch("netra_backend.app.agents.supervisor.user_execution_engine.UserExecutionEngine")
@patch('netra_backend.app.agents.supervisor.user_execution_engine.UserExecutionEngine.for_tests')
def test_engine(engine, for_tests):
    with mock.patch.dict("netra_backend.app.agents.supervisor.execution_engine_factory.__dict__", {}):
        with patch(target="netra_backend.app.agents.supervisor.user_execution_engine.EngineContext"):
            pass
