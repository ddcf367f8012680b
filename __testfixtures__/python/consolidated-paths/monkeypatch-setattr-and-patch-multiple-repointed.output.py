from unittest import mock


def test_factory(monkeypatch):
    monkeypatch.setattr("netra_backend.app.agents.supervisor.execution_engine_factory.create_user_execution_engine", lambda c: c)
    monkeypatch.setattr(mock, "sentinel", None)
    with mock.patch.multiple("netra_backend.app.agents.supervisor.execution_engine_factory", ExecutionEngineFactory=mock.DEFAULT):
        pass
