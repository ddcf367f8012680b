from unittest import mock


@mock.patch("netra_backend.app.agents.execution_engine_consolidated.legacy_helper")
def test_helper(helper):
    pass
