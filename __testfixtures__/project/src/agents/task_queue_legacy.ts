/** @deprecated Constructed without an owner, it shared one global queue: use createUserTaskQueue. */
import { UserTaskQueue } from './supervisor/user_task_queue';

export class TaskQueue<T> extends UserTaskQueue<T> {
  constructor(ownerId: string = 'global') {
    super(ownerId);
  }
}
