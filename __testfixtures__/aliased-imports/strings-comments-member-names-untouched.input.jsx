import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

// Engine is the name this file knew the engine by.
const labels = { Engine: 'Engine', 'Engine.run': `Engine ${Engine.name}` };

export class Catalog {
  static Engine = Engine;

  get Engine() {
    return labels.Engine;
  }
}

/* <Engine /> */
export const Row = () => <span title="Engine">{Catalog.Engine.name}</span>;
