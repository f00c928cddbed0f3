/**
 * Runs tasks one after another in the order they were queued: the in-process stores run their
 * transactions through one, which makes them serializable. A failed task does not stop the next.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Settles once every task queued so far has settled. */
  async settled(): Promise<void> {
    await this.tail;
  }
}
