/** A worker thread of FileRunner: loads the registry once, then parses and transforms what it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from '../registry/load';
import { transformTexts, type WorkerSettings } from './file-runner';

const settings = workerData as WorkerSettings;
const registry = loadRegistry({ configPath: settings.configPath });

parentPort!.on('message', (message: { items: { index: number; file: string; text: string }[] }) => {
  try {
    const runs = transformTexts(message.items, registry, settings);
    const items = message.items.map(({ index }, i) => ({ index, run: runs[i] }));
    parentPort!.postMessage({ items });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
