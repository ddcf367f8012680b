import {
  UserTaskQueue,
  createUserTaskQueue,
} from '../agents/supervisor/user_task_queue';

export function queueFor(userId: string): UserTaskQueue<string> {
  return createUserTaskQueue<string>(userId).push('hello');
}
