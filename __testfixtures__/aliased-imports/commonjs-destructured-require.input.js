'use strict';

const { UserExecutionEngine: Engine } = require('../agents/supervisor/user_execution_engine');

function start(context) {
  return new Engine(context);
}

module.exports = { Engine, start };
