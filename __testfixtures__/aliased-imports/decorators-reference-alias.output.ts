import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

function provides(token: unknown) {
  return <T>(target: T): T => (void token, target);
}

function inject(token: unknown) {
  return (target: object, key: string | symbol | undefined, index: number): void => {
    void [target, key, index, token];
  };
}

@provides(UserExecutionEngine)
export class EngineHost {
  constructor(@inject(UserExecutionEngine) readonly engine: UserExecutionEngine) {}
}
