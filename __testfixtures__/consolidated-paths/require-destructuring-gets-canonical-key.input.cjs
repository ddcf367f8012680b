'use strict';

const { IsolatedExecutionEngine } = require('../agents/execution_engine_legacy_adapter');

module.exports = function makeEngine(userId) {
  return new IsolatedExecutionEngine({ userId });
};
