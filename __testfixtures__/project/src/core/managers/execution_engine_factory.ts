/** @deprecated Compatibility factory. */
export { ExecutionEngineFactory } from '../../agents/supervisor/execution_engine_factory';
