import { UserExecutionEngine as ExecutionEngine } from '../agents/supervisor/user_execution_engine';

declare function Injectable(): ClassDecorator;
declare function Inject(token: string): ParameterDecorator;

@Injectable()
export class EngineService {
  constructor(@Inject('engine') private readonly engine: ExecutionEngine) {}
}
