import { UserExecutionEngine as Engine } from "../agents/supervisor/user_execution_engine";

export const start = (context: { userId: string }, fallback: Engine | null) => [
  new Engine(context),
  fallback,
];

// Laid out by hand: the file is not prettier's, so no statement of it is laid out again.
export const again = (context: { userId: string }) => [new Engine(context), new Engine(context)];
