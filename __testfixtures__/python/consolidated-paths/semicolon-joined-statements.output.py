import os; from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine; import sys


def build(context):
    return UserExecutionEngine(context), os, sys
