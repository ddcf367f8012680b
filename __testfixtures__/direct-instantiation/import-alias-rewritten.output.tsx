import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';
import { EnginePanel } from '../ui/engine_panel';

export function EngineView({ userId }: { userId: string }) {
  const engine = createUserExecutionEngine({ userId });
  return <EnginePanel title={engine.run('view')} />;
}
