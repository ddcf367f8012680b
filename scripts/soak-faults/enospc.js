/**
 * A Node preload for the soak: the disk fills up under the program. After SSOT_ENOSPC_AFTER calls that
 * allocate space (writes, new files and folders, links), the next SSOT_ENOSPC_FOR of them (default: all)
 * fail with ENOSPC, as on a full disk; then space is free again. Only this process sees it (git, the
 * verify shell and hooks run as usual).
 */
'use strict';
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const after = Number(process.env.SSOT_ENOSPC_AFTER);
const lasting = process.env.SSOT_ENOSPC_FOR === undefined ? Infinity : Number(process.env.SSOT_ENOSPC_FOR);
let calls = 0;
const full = () => {
  calls++;
  return calls > after && calls <= after + lasting;
};
const enospc = (name) => Object.assign(new Error(`ENOSPC: no space left on device, ${name}`), { code: 'ENOSPC', errno: -28, syscall: name });

const creates = (flags) => typeof flags === 'number'
  ? (flags & (fs.constants.O_CREAT | fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_APPEND)) !== 0
  : typeof flags === 'string' && /[wa+]/.test(flags);

for (const name of ['writeFileSync', 'writeSync', 'appendFileSync', 'mkdirSync', 'mkdtempSync', 'copyFileSync', 'linkSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function filling(...args) {
    if ((name !== 'openSync' || creates(args[1])) && full()) throw enospc(name);
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
