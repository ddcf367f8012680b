import { ExecutionEngine } from '../agents/execution_engine_consolidated';

declare function Injectable(): ClassDecorator;
declare function Inject(token: string): ParameterDecorator;

@Injectable()
export class EngineService {
  constructor(@Inject('engine') private readonly engine: ExecutionEngine) {}
}
