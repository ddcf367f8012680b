#!/usr/bin/env node
/**
 * Writes, from the build, the registry's JSON Schema in its two forms: schema/ssot.config.schema.json, which
 * editors read (the base schema, src/registry/registry.schema.json, with each language's own settings), and
 * dist/src/registry/registry-validator.js, the same schema compiled by Ajv ahead of time, so that no command
 * pays for loading Ajv and compiling it. Run by `npm run build`, so a new language never needs either edited.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { REGISTRY_SCHEMA, AJV_OPTIONS, PRECOMPILED_VALIDATOR } = require('../dist/src/registry/schema.js');

fs.writeFileSync(path.join(__dirname, '..', 'schema', 'ssot.config.schema.json'), `${JSON.stringify(REGISTRY_SCHEMA, null, 2)}\n`);

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
const validator = standaloneCode(ajv, ajv.compile(REGISTRY_SCHEMA));
fs.writeFileSync(path.join(__dirname, '..', 'dist', 'src', 'registry', PRECOMPILED_VALIDATOR), `// Written by scripts/write-schema.js from the registry's schema: do not edit.\n${validator}\n`);
