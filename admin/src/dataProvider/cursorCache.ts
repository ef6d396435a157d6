// Remembers, per list and filter, the cursor that starts each offset seen so far (and the last total),
// so that going to page N+1 — or back to N-1 — costs one request instead of a walk from the start.
// Small on purpose: a few dozen lists, a few hundred offsets each; the oldest are dropped.

interface ListCursors {
  /** offset → the `after` cursor that starts a page there (offset 0 needs none). */
  cursors: Map<number, string>;
  total?: number;
}

export class CursorCache {
  private readonly lists = new Map<string, ListCursors>();

  constructor(
    private readonly maxLists = 50,
    private readonly maxCursorsPerList = 500,
  ) {}

  private list(key: string, create: boolean): ListCursors | undefined {
    const found = this.lists.get(key);
    if (found) {
      // most recently used last
      this.lists.delete(key);
      this.lists.set(key, found);
      return found;
    }
    if (!create) return undefined;
    const fresh: ListCursors = { cursors: new Map() };
    this.lists.set(key, fresh);
    while (this.lists.size > this.maxLists) this.lists.delete(this.lists.keys().next().value!);
    return fresh;
  }

  /** The largest known offset ≤ `offset`, with its cursor (offset 0: null). */
  nearest(key: string, offset: number): { offset: number; cursor: string | null } {
    const list = this.list(key, false);
    let best = { offset: 0, cursor: null as string | null };
    if (!list) return best;
    for (const [at, cursor] of list.cursors) {
      if (at <= offset && at > best.offset) best = { offset: at, cursor };
    }
    return best;
  }

  set(key: string, offset: number, cursor: string): void {
    if (offset <= 0) return;
    const list = this.list(key, true)!;
    list.cursors.delete(offset);
    list.cursors.set(offset, cursor);
    while (list.cursors.size > this.maxCursorsPerList) list.cursors.delete(list.cursors.keys().next().value!);
  }

  total(key: string): number | undefined {
    return this.lists.get(key)?.total;
  }

  setTotal(key: string, total: number): void {
    this.list(key, true)!.total = total;
  }

  /** Forgets every list of a resource (after a write to it: offsets may have moved). */
  clearResource(resource: string): void {
    for (const key of [...this.lists.keys()]) if (key.startsWith(`${resource}|`)) this.lists.delete(key);
  }

  clear(): void {
    this.lists.clear();
  }
}
