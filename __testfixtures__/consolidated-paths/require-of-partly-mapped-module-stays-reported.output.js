const engines = require('../agents/execution_engine_consolidated');

module.exports = { legacy: engines.LEGACY_ENGINE_FLAG };
