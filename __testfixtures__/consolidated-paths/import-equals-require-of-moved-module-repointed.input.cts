import factories = require('../agents/execution_engine_unified_factory');

export const create = factories.createUserExecutionEngine;
