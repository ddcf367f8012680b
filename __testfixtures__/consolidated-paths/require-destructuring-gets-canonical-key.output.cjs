'use strict';

const {
  UserExecutionEngine: IsolatedExecutionEngine,
} = require('../agents/supervisor/user_execution_engine');

module.exports = function makeEngine(userId) {
  return new IsolatedExecutionEngine({ userId });
};
