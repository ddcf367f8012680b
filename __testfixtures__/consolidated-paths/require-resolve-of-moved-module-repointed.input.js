const factoryPath = require.resolve('../agents/execution_engine_unified_factory');

module.exports = { factoryPath };
