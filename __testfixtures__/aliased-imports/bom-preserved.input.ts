import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export type Engines = Engine[];
