import { UserExecutionEngine as Engine } from "../agents/supervisor/user_execution_engine"

export const create = (context) => new Engine(context)
export { Engine }
