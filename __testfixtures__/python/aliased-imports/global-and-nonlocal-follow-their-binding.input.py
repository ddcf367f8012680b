from netra_backend.app.agents.supervisor.user_execution_engine import UserExecutionEngine as Engine


def replace():
    global Engine
    Engine = None


def outer():
    Engine = 1

    def inner():
        nonlocal Engine
        Engine = 2

    return inner
