import { ExecutionEngine } from '../agents/execution_engine_consolidated';

function EngineProvider(props: { engineClass: typeof ExecutionEngine; children: string }) {
  return <section data-engine={props.engineClass.name}>{props.children}</section>;
}

export function App() {
  return <EngineProvider engineClass={ExecutionEngine}>ready</EngineProvider>;
}
