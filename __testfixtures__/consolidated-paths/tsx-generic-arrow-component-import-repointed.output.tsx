import { EngineContext } from '../agents/supervisor/user_execution_engine';

export const UserItems = <T,>({ items, context }: { items: T[]; context: EngineContext }) => (
  <ul data-user={context.userId}>
    {items.map((item) => <li key={String(item)}>{String(item)}</li>)}
  </ul>
);
