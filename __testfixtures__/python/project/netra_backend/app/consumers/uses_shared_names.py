"""Imports names other modules hold under an alias: the aliases must stay."""
from unittest import mock

from .shared_names import SharedEngine
from .alias_imported_by_another_file import Engine


@mock.patch("netra_backend.app.consumers.alias_patched_by_another_file.Engine")
def test_patched(engine):
    return SharedEngine, Engine
