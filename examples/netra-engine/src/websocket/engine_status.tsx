// A status panel. Pattern: an aliased canonical import in a .tsx file, used in prop types, a generic arrow
// function written `<T,>` (the .tsx way) and an `instanceof` check.
import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export interface EngineStatusProps {
  engine: Engine;
  title?: string;
}

const firstOr = <T,>(items: readonly T[], fallback: T): T => (items.length > 0 ? items[0] : fallback);

export function EngineStatus({ engine, title }: EngineStatusProps): JSX.Element {
  const last = firstOr([...engine.results()].reverse(), undefined);
  return (
    <section className="engine-status">
      <h2>{title ?? `Engine for ${engine.userId}`}</h2>
      <p>{last ? `${last.agent}: ${last.ok ? 'ok' : 'failed'}` : 'idle'}</p>
    </section>
  );
}

export function isEngine(value: unknown): value is Engine {
  return value instanceof Engine;
}
