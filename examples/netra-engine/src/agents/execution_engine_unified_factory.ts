/**
 * @deprecated "Unified" factory: a delegation wrapper around the SSOT factory. The whole module moved to
 * './supervisor/execution_engine_factory'; everything it exports comes from there.
 */
export * from './supervisor/execution_engine_factory';
