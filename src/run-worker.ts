/** A worker thread of runFiles: loads the registry once, then runs each chunk of files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from './registry';
import { runOneFile, type WorkerSettings } from './run-files';

const settings = workerData as WorkerSettings;
const registry = loadRegistry({ configPath: settings.configPath });

parentPort!.on('message', (message: { start: number; files: string[] }) => {
  try {
    const runs = message.files.map((file) => runOneFile(file, registry, settings));
    parentPort!.postMessage({ start: message.start, runs });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
