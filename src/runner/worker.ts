/** A worker thread of FileRunner: loads the registry once, then parses and transforms what it is sent. */
// First: the modules below compile from the build's code cache.
import './compile-from-cache';
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from '../registry/load';
import { transformChunk, type WorkerSettings, type WorkItem } from './file-runner';

const settings = workerData as WorkerSettings;
// The run that started this thread has just validated the registry: it is not checked again here.
const registry = loadRegistry({ configPath: settings.configPath, validated: true });

parentPort!.on('message', (message: { items: WorkItem[] }) => {
  parentPort!.postMessage({ items: transformChunk(message.items, registry, settings) });
});
