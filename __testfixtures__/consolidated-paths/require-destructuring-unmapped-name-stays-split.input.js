const { LEGACY_ENGINE_FLAG, UserExecutionEngine } = require('../agents/execution_engine_consolidated');

module.exports = (userId) => (LEGACY_ENGINE_FLAG ? null : new UserExecutionEngine({ userId }));
