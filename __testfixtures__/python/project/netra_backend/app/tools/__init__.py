"""A package that binds a name of its own module: `from tools import legacy_tool` is the function."""
from .legacy_tool import legacy_tool
