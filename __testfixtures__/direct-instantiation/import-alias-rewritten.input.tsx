import { ExecutionEngine as Engine } from '../agents/execution_engine_consolidated';
import { EnginePanel } from '../ui/engine_panel';

export function EngineView({ userId }: { userId: string }) {
  const engine = new Engine({ userId });
  return <EnginePanel title={engine.run('view')} />;
}
