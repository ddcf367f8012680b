/** The canonical engine: one per user, built with its context. */
export interface EngineContext {
  userId: string;
}

export class UserExecutionEngine {
  constructor(
    readonly context: EngineContext,
    readonly agentFactory?: unknown,
    readonly websocketEmitter?: unknown,
  ) {}

  run(task: string): string {
    return `${this.context.userId}:${task}`;
  }
}
