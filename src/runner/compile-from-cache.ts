/**
 * Imported first by each thread of ours that loads the engine (the CLI's process, a worker), so that the
 * modules loaded after it compile from the build's code cache (code-cache.ts). From the TypeScript sources
 * (tests) there is no cache, and this does nothing.
 */
import { useCodeCache } from './code-cache';

useCodeCache();
