/** The canonical task queue: one per user, generic in its task type. */
export class UserTaskQueue<T> {
  private readonly items: T[] = [];

  constructor(readonly ownerId: string) {}

  push(item: T): this {
    this.items.push(item);
    return this;
  }

  get size(): number {
    return this.items.length;
  }
}

/** The canonical way to build a queue. */
export function createUserTaskQueue<T>(ownerId: string): UserTaskQueue<T> {
  return new UserTaskQueue<T>(ownerId);
}
