const factories = require(`../agents/supervisor/execution_engine_factory`);

module.exports = () => new factories.ExecutionEngineFactory();
