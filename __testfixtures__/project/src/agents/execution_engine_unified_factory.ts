/** @deprecated Delegation wrapper: the factory now lives in ./supervisor/execution_engine_factory. */
export * from './supervisor/execution_engine_factory';
