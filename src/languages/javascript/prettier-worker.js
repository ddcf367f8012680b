/**
 * The worker thread behind prettier.ts: the project's own prettier, loaded from the path it was resolved
 * to, answering one call at a time. prettier 3's API is asynchronous, prettier 2's partly so; the engine is
 * synchronous, so synckit runs this thread and waits for each answer. Plain JavaScript, so that it runs as
 * it is from the sources (tests) and from dist/ (the build emits it there: allowJs).
 */
'use strict';
const { runAsWorker } = require('synckit');

const loaded = new Map();

function load(entry) {
  let prettier = loaded.get(entry);
  if (!prettier) loaded.set(entry, (prettier = require(entry)));
  return prettier;
}

runAsWorker(async (call) => {
  const prettier = load(call.entry);
  switch (call.kind) {
    case 'config': {
      const configFile = await prettier.resolveConfigFile(call.file);
      const options = await prettier.resolveConfig(call.file, { editorconfig: true });
      const info = await prettier.getSupportInfo();
      const defaults = {};
      for (const option of info.options) if (option.default !== undefined) defaults[option.name] = option.default;
      return { version: prettier.version, configFile, options, defaults };
    }
    case 'format':
      return prettier.format(call.text, call.options);
    case 'check':
      return prettier.check(call.text, call.options);
    default:
      throw new Error(`unknown call: ${call.kind}`);
  }
});
