/** A worker thread of FileRunner: loads the registry once, then parses and transforms what it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from '../registry/load';
import { crashed } from '../engine/pipeline';
import { transformTexts, type FileRun, type WorkerSettings } from './file-runner';

const settings = workerData as WorkerSettings;
// The run that started this thread has just validated the registry: it is not checked again here.
const registry = loadRegistry({ configPath: settings.configPath, validated: true });

parentPort!.on('message', (message: { items: { index: number; file: string; text: string }[] }) => {
  let runs: FileRun[];
  try {
    runs = transformTexts(message.items, registry, settings);
  } catch (error) {
    // Each file already keeps its own failures; what escapes is the chunk's, and each of its files says so.
    runs = message.items.map(({ file }) => ({ file, result: crashed(file, 'the engine', error) }));
  }
  parentPort!.postMessage({ items: message.items.map(({ index }, i) => ({ index, run: runs[i] })) });
});
