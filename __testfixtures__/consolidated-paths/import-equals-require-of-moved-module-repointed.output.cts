import factories = require('../agents/supervisor/execution_engine_factory');

export const create = factories.createUserExecutionEngine;
