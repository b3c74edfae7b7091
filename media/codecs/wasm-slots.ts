// Fixed-size state slots in a WebAssembly module's memory, one per live filter or coder (halfband-wasm,
// g722-wasm): a slot comes back on dispose(), or once an owner nobody disposed is garbage-collected; when
// none is free the memory grows by a quarter (growing detaches the module's typed-array views: onGrow
// replaces them).
export class WasmSlots {
  private readonly free: number[] = [];
  private next: number;
  private readonly registry = new FinalizationRegistry<number>((st) => this.free.push(st));

  constructor(
    private readonly mem: WebAssembly.Memory | undefined,
    readonly slotBytes: number,
    private readonly first: number,
    private readonly onGrow: () => void,
    /** The error when the module could not be instantiated here. */
    private readonly unavailable: string,
  ) {
    this.next = first;
  }

  /** A slot for `owner` (its byte offset), returned to the pool if `owner` is collected undisposed. */
  alloc(owner: object): number {
    if (!this.mem) throw new Error(this.unavailable);
    let st = this.free.pop();
    if (st === undefined) {
      st = this.next;
      this.next += this.slotBytes;
      if (this.next > this.mem.buffer.byteLength) {
        this.mem.grow(Math.max(1, this.mem.buffer.byteLength >>> 18)); // +25%: few grows, each detaches views
        this.onGrow();
      }
    }
    this.registry.register(owner, st, owner);
    return st;
  }

  /** `owner` is done with `st` (dispose()). */
  release(owner: object, st: number): void {
    this.registry.unregister(owner);
    this.free.push(st);
  }

  /** Slots ever carved out of memory, and those in use now (tests). */
  stats(): { allocated: number; inUse: number } {
    const allocated = (this.next - this.first) / this.slotBytes;
    return { allocated, inUse: allocated - this.free.length };
  }
}
