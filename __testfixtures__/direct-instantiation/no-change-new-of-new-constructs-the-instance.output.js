const { ExecutionEngine } = require('../agents/execution_engine_consolidated');

// The outer `new` constructs what the inner one returns: made a call, the inner one would change its meaning.
function nested(context) {
  return new new ExecutionEngine(context)();
}

module.exports = { nested };
