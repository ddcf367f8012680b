"""The example's own tests: they pass before the migration and after it, patch strings included."""
import unittest
from unittest import mock

from netra_backend.app.agents.execution_engine_consolidated import ExecutionContext
from netra_backend.app.core.managers import execution_engine_factory as managers
from netra_backend.app.routes.agent_routes import handle_run
from netra_backend.app.routes.legacy_routes import handle_legacy, handle_scoped, is_shared
from netra_backend.app.services.engine_singleton import engine as singleton
from netra_backend.app.services.factory_client import build
from netra_backend.app.services.isolated_runner import run_isolated
from netra_backend.app.websocket.connection_handler import on_message


class EngineIsolationTest(unittest.TestCase):
    def test_each_request_gets_its_own_engine(self):
        self.assertEqual(handle_run("alice", "plan"), "alice:plan")
        self.assertEqual(handle_scoped("bob", "plan"), "bob:plan")
        self.assertEqual(run_isolated("carol", "plan").history, ["carol:plan"])

    def test_the_legacy_route_still_shares_the_global_context(self):
        self.assertEqual(handle_legacy("plan"), "global:plan")

    def test_the_singleton_is_shared(self):
        self.assertFalse(is_shared(singleton))
        self.assertEqual(singleton.context.user_id, "service")

    def test_factories_build_isolated_engines(self):
        context = ExecutionContext(user_id="dave", run_id="r1")
        first, second, factory_class, default_factory = build(context)
        self.assertIsNot(first, second)
        self.assertEqual((first.context, second.context), (context, context))
        self.assertIs(default_factory, managers.get_execution_engine_factory())
        self.assertEqual(factory_class.__name__, "ExecutionEngineFactory")

    def test_events_go_to_the_connection(self):
        sent = []
        result, isolated = on_message(ExecutionContext(user_id="erin", run_id="r2"), "hello", sent)
        self.assertEqual(result, {"output": "erin:hello", "ok": True})
        self.assertTrue(isolated)
        self.assertEqual(sent, [("agent_completed", "erin", "hello")])

    @mock.patch("netra_backend.app.agents.supervisor.execution_engine.ExecutionEngine.run", return_value="patched")
    def test_a_patched_engine_method(self, run):
        self.assertEqual(run_isolated("frank", "plan").run("again"), "patched")

    def test_a_patched_factory_function(self):
        with mock.patch("netra_backend.app.core.managers.execution_engine_factory.create_user_execution_engine") as create:
            managers.create_user_execution_engine("ctx")
        create.assert_called_once_with("ctx")


if __name__ == "__main__":
    unittest.main()
