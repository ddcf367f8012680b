'use strict';

const { UserExecutionEngine } = require('../agents/supervisor/user_execution_engine');

function start(context) {
  return new UserExecutionEngine(context);
}

module.exports = { Engine: UserExecutionEngine, start };
