import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

// A name may be spelled with escapes: the whole of each spelling is the reference.
export const plain = E\u006eg\u{69}ne;
export type Spelled = \u0045ngine;
export function make(...args: ConstructorParameters<typeof Engine>): Engine {
  return new \u{45}ngine(...args);
}
