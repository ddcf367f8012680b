const { createUserExecutionEngine } = require('../agents/supervisor/execution_engine_factory');

function build(userId) {
  const { ExecutionEngine } = require('../agents/execution_engine_consolidated');

  return new ExecutionEngine({ userId });
}

module.exports = { build, createUserExecutionEngine };
