'use strict';
const { createUserExecutionEngine } = require('../agents/supervisor/execution_engine_factory');

exports.forUser = (userId) => createUserExecutionEngine({ userId });
exports.forAdmin = () => createUserExecutionEngine({ userId: 'admin' });
