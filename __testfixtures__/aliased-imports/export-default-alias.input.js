import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

Engine.displayName = 'Engine';

export default Engine;
