/**
 * The worker thread behind prettier.ts: the project's own prettier, loaded from the path it was resolved
 * to, answering one call at a time. prettier 3's API is asynchronous, prettier 2's partly so; the engine is
 * synchronous, so synckit runs this thread and waits for each answer. Plain JavaScript, so that it runs as
 * it is from the sources (tests) and from dist/ (the build emits it there: allowJs).
 */
'use strict';
const { runAsWorker } = require('synckit');

const path = require('node:path');

const loaded = new Map();
/**
 * Per prettier: its options' defaults (the same for every file), and the configuration file found from
 * each folder. prettier caches what `resolveConfig` finds but searches the disk again on every
 * `resolveConfigFile` (about 1 ms a file), and the search starts from the file's folder: the answer is the
 * folder's, kept as long as prettier keeps its own (for the life of this thread).
 */
const defaultsOf = new Map();
const configFiles = new Map();

function load(entry) {
  let prettier = loaded.get(entry);
  if (!prettier) loaded.set(entry, (prettier = require(entry)));
  return prettier;
}

async function defaultsFor(prettier) {
  const defaults = {};
  for (const option of (await prettier.getSupportInfo()).options) if (option.default !== undefined) defaults[option.name] = option.default;
  return defaults;
}

runAsWorker(async (call) => {
  const prettier = load(call.entry);
  switch (call.kind) {
    case 'config': {
      const folder = `${call.entry}\0${path.dirname(path.resolve(call.file))}`;
      if (!configFiles.has(folder)) configFiles.set(folder, await prettier.resolveConfigFile(call.file));
      const options = await prettier.resolveConfig(call.file, { editorconfig: true });
      if (!defaultsOf.has(call.entry)) defaultsOf.set(call.entry, await defaultsFor(prettier));
      return { version: prettier.version, configFile: configFiles.get(folder), options, defaults: defaultsOf.get(call.entry) };
    }
    case 'format':
      return prettier.format(call.text, call.options);
    case 'check':
      return prettier.check(call.text, call.options);
    default:
      throw new Error(`unknown call: ${call.kind}`);
  }
});
