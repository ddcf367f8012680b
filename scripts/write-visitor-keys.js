#!/usr/bin/env node
/**
 * Writes, from the build, dist/src/languages/javascript/visitor-keys.json: Babel's VISITOR_KEYS (which
 * fields of each node type hold child nodes) from the installed, pinned @babel/types. Reading them from
 * its node definitions costs 14 ms of module loading in every thread of every run; the JSON, under 1 ms.
 * Run by `npm run build`; a test holds the JSON to the installed package's keys.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { VISITOR_KEYS } = require('@babel/types/lib/definitions/index.js');

if (!VISITOR_KEYS || !VISITOR_KEYS.Program) throw new Error('@babel/types/lib/definitions has no VISITOR_KEYS: see src/languages/javascript/visitor-keys.ts');
fs.writeFileSync(path.join(__dirname, '..', 'dist', 'src', 'languages', 'javascript', 'visitor-keys.json'), `${JSON.stringify(VISITOR_KEYS)}\n`);
