import { UserExecutionEngine } from "../agents/supervisor/user_execution_engine";

export const start = (context: { userId: string }, fallback: UserExecutionEngine | null) => [
  new UserExecutionEngine(context),
  fallback,
];

// Laid out by hand: the file is not prettier's, so no statement of it is laid out again.
export const again = (context: { userId: string }) => [new UserExecutionEngine(context), new UserExecutionEngine(context)];
