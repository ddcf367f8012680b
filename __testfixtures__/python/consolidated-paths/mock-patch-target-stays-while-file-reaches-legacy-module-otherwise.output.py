from unittest import mock

import netra_backend.app.agents.execution_engine_consolidated as consolidated


def test_flag():
    # The patch takes effect on `consolidated.UserExecutionEngine`, which this file still looks up.
    with mock.patch("netra_backend.app.agents.execution_engine_consolidated.UserExecutionEngine"):
        return consolidated.UserExecutionEngine, consolidated.LEGACY_FLAG
