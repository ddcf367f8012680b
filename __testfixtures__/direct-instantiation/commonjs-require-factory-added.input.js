const { ExecutionEngine } = require('../agents/execution_engine_consolidated');

function build(userId) {
  return new ExecutionEngine({ userId });
}

function isLegacy(value) {
  return value instanceof ExecutionEngine;
}

module.exports = { build, isLegacy };
