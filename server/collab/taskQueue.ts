/**
 * A room's message queue: tasks run one at a time in arrival order. A task that returns a
 * promise (a sync step 1 waiting for a commit) holds back every later task until it settles;
 * tasks that finish synchronously cost no promise at all, which keeps the hot path cheap.
 */
type Task = () => void | Promise<void>

export class TaskQueue {
  private tasks: Task[] = []
  private head = 0
  private running = false

  constructor(private readonly onError: (error: unknown) => void) {}

  /** True while a task runs or waits. */
  get busy(): boolean {
    return this.running
  }

  push(task: Task): void {
    this.tasks.push(task)
    if (!this.running) this.drain()
  }

  private drain(): void {
    this.running = true
    while (this.head < this.tasks.length) {
      const task = this.tasks[this.head++]!
      let result: void | Promise<void>
      try {
        result = task()
      } catch (error) {
        this.onError(error)
        continue
      }
      if (result instanceof Promise) {
        result.catch(this.onError).finally(() => this.drain())
        return
      }
    }
    this.tasks = []
    this.head = 0
    this.running = false
  }
}
