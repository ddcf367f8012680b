import { TaskQueue } from '../agents/task_queue_legacy';
import { UserTaskQueue } from '../agents/supervisor/user_task_queue';

export function queueFor(userId: string): UserTaskQueue<string> {
  return new TaskQueue<string>(userId).push('hello');
}
