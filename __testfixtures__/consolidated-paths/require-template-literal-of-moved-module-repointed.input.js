const factories = require(`../agents/execution_engine_unified_factory`);

module.exports = () => new factories.ExecutionEngineFactory();
