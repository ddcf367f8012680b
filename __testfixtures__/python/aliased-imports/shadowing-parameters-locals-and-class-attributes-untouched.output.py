from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine


def with_parameter(Engine):
    return Engine


def with_local():
    Engine = object
    return Engine


class Holder:
    Engine = None
    again = Engine

    def method(self):
        return UserExecutionEngine


handler = lambda Engine: Engine
canonical = UserExecutionEngine
