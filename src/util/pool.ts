// A fixed number of buffers, made on first need and handed out first come, first served; one
// waiting for a buffer gets the next one released. The hash pool's shared read slots and the
// window buffers of ranged downloads are both this: memory is the pool's, however much flows.

export class BufferPool<T> {
  private readonly free: T[] = [];
  private readonly waiting: ((buffer: T) => void)[] = [];
  private made = 0;

  constructor(
    readonly count: number,
    /** Makes the buffer numbered `index` (from 0 to count - 1). */
    private readonly make: (index: number) => T,
  ) {}

  acquire(): Promise<T> {
    const buffer = this.free.pop();
    if (buffer !== undefined) return Promise.resolve(buffer);
    if (this.made < this.count) return Promise.resolve(this.make(this.made++));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(buffer: T): void {
    const next = this.waiting.shift();
    if (next) next(buffer);
    else this.free.push(buffer);
  }

  /** Buffers nobody holds. */
  get idle(): number {
    return this.free.length + this.count - this.made;
  }
}
