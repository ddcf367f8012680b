import { ExecutionEngine } from '../agents/execution_engine_consolidated';

declare function logged<T>(value: T, context: ClassDecoratorContext): void;

export @logged class EngineHolder {
  accessor engine: ExecutionEngine | undefined;

  describe() {
    using handle = { [Symbol.dispose]() {} };
    return { engine: this.engine, handle } satisfies { engine?: ExecutionEngine; handle: object };
  }
}
