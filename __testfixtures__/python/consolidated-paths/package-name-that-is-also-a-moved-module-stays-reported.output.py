# The package binds `legacy_tool` (the function): this imports that, not the module of the same name.
from ..tools import legacy_tool
