import { UserExecutionEngine as ExecutionEngine } from '../agents/supervisor/user_execution_engine';

declare function logged<T>(value: T, context: ClassDecoratorContext): void;

export @logged class EngineHolder {
  accessor engine: ExecutionEngine | undefined;

  describe() {
    using handle = { [Symbol.dispose]() {} };
    return { engine: this.engine, handle } satisfies { engine?: ExecutionEngine; handle: object };
  }
}
