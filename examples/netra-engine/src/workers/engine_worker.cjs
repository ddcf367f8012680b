'use strict';
// A CommonJS worker (not type-checked). Patterns: `require` with destructuring of the legacy adapter
// (mapped IsolatedExecutionEngine + unmapped adaptLegacyResult), of the moved unified factory, and of the
// consolidated stub's legacy class constructed with a context.
const { IsolatedExecutionEngine, adaptLegacyResult } = require('../agents/execution_engine_legacy_adapter');
const { echoAgentFactory, silentEmitter } = require('../agents/execution_engine_unified_factory');
const { ExecutionEngine } = require('../agents/execution_engine_consolidated');

async function handleJob(job) {
  const context = { userId: job.userId, runId: job.id };
  const engine = job.legacy
    ? new ExecutionEngine(context)
    : new IsolatedExecutionEngine(context, echoAgentFactory, silentEmitter);
  return adaptLegacyResult(await engine.executeAgent(job.agent, job.task));
}

module.exports = { handleJob };
