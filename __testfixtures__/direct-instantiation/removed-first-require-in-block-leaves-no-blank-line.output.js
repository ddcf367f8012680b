const { createUserExecutionEngine } = require('../agents/supervisor/execution_engine_factory');

function build(userId) {
  return createUserExecutionEngine({ userId });
}

module.exports = { build, createUserExecutionEngine };
