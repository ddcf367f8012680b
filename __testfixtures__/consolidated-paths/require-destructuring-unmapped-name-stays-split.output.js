const { LEGACY_ENGINE_FLAG } = require('../agents/execution_engine_consolidated');
const { UserExecutionEngine } = require('../agents/supervisor/user_execution_engine');

module.exports = (userId) => (LEGACY_ENGINE_FLAG ? null : new UserExecutionEngine({ userId }));
