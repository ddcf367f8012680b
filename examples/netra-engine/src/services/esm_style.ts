// Pattern: ESM-style specifiers with an explicit `.js` extension (TypeScript maps them to the .ts files).
// New specifiers must be written the same way. The redirect module's ExecutionEngine is the canonical class
// itself (no `construct` rule), so `new ExecutionEngine(…)` only changes its name.
import { ExecutionEngine } from '../agents/execution_engine.js';
import { echoAgentFactory, silentEmitter } from '../agents/execution_engine_unified_factory.js';
import type { ExecutionContext } from '../agents/supervisor/user_execution_engine.js';

export function engineForEsmCaller(context: ExecutionContext): ExecutionEngine {
  return new ExecutionEngine(context, echoAgentFactory, silentEmitter);
}
