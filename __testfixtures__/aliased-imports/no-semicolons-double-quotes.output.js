import { UserExecutionEngine } from "../agents/supervisor/user_execution_engine"

export const create = (context) => new UserExecutionEngine(context)
export { UserExecutionEngine as Engine }
