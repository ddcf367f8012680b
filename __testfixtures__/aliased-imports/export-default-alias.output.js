import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

UserExecutionEngine.displayName = 'Engine';

export default UserExecutionEngine;
