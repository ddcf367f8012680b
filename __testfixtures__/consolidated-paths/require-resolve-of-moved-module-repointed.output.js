const factoryPath = require.resolve('../agents/supervisor/execution_engine_factory');

module.exports = { factoryPath };
