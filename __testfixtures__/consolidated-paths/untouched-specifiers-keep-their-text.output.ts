import { EngineContext } from '../agents/supervisor/user_execution_engine';
import { helper as helper, format /* kept */ as formatted, 'quoted-name' as quoted } from './helpers';
export { webSocket as webSocket } from './sockets';
export { 'string name' as stringName } from './strings';
const { read: read, 'write-file': write } = require('./io');

export function run(context: EngineContext): unknown[] {
  return [helper, formatted, quoted, read, write, context];
}
