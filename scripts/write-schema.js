#!/usr/bin/env node
/**
 * Writes schema/ssot.config.schema.json, the registry's JSON Schema that editors read, from the build: the
 * base schema (src/registry/registry.schema.json) with each language's own settings, exactly the schema
 * the loader validates against. Run by `npm run build`, so a new language never needs the file edited.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { REGISTRY_SCHEMA } = require('../dist/src/registry/schema.js');

fs.writeFileSync(path.join(__dirname, '..', 'schema', 'ssot.config.schema.json'), `${JSON.stringify(REGISTRY_SCHEMA, null, 2)}\n`);
