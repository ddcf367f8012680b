const { ExecutionEngine } = require('../agents/execution_engine_consolidated');
const {
  createUserExecutionEngine,
} = require('../agents/supervisor/execution_engine_factory');

function build(userId) {
  return createUserExecutionEngine({ userId });
}

function isLegacy(value) {
  return value instanceof ExecutionEngine;
}

module.exports = { build, isLegacy };
