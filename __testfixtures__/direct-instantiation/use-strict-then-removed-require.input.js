'use strict';
const { ExecutionEngine } = require('../agents/execution_engine_consolidated');
const { createUserExecutionEngine } = require('../agents/supervisor/execution_engine_factory');

exports.forUser = (userId) => createUserExecutionEngine({ userId });
exports.forAdmin = () => new ExecutionEngine({ userId: 'admin' });
