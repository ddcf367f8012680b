/** A worker thread of FileRunner: loads the registry once, then parses and transforms what it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from './registry';
import { transformText, type WorkerSettings } from './run-files';

const settings = workerData as WorkerSettings;
const registry = loadRegistry({ configPath: settings.configPath });

parentPort!.on('message', (message: { items: { index: number; file: string; text: string }[] }) => {
  try {
    const items = message.items.map(({ index, file, text }) => ({ index, run: transformText(file, text, registry, settings) }));
    parentPort!.postMessage({ items });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
