import { ExecutionEngine, LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';

const factory = new ExecutionEngineFactory();

export function build(userId: string) {
  return LEGACY_ENGINE_FLAG ? new ExecutionEngine({ userId }) : factory.create({ userId });
}
