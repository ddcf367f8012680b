import os; from netra_backend.app.agents.execution_engine_consolidated import UserExecutionEngine; import sys


def build(context):
    return UserExecutionEngine(context), os, sys
