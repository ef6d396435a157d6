// Small-count suppression for analysts and published reports (RULES.md, P1–P4).
//
// Primary: a count from 1 to THRESHOLD−1 is hidden ("<5"). Complementary: every line of the table —
// the cells that differ in one dimension only, whose sum anyone can read from a coarser breakdown —
// is checked with the bounds a reader knows (a "<5" cell is 1..4, a complementary "*" cell is ≥ 5,
// an absent cell is 0); while some hidden cell of a line could be pinned to one value, the smallest
// visible cell of that line is hidden too. Lines along a dimension with a hierarchy (category within
// its parent, day within its month) are checked at each level.
export const THRESHOLD = 5;
/** Rounds of the joint check before the safety valve hides whole lines. */
const MAX_ROUNDS = 60;

export type Suppression = 'PRIMARY' | 'COMPLEMENTARY';

export interface CubeDimension {
  name: string;
  /** Extra line groupings along this dimension (e.g. a category's parent, a day's month). */
  groups?: ((coordinate: string) => string)[];
}

export interface CubeCell {
  /** One coordinate per dimension, in the order of the dimensions. */
  coordinates: string[];
  value: number;
}

/**
 * Which cells to hide (by index into `cells`); cells not in the map are shown. `linePublic` says
 * whether a reader can learn a line's total elsewhere (dimension index, grouping index — 0 for the
 * whole dimension —, the total): by default every total is assumed public.
 */
export function suppressCells(
  dims: CubeDimension[],
  cells: CubeCell[],
  threshold = THRESHOLD,
  linePublic: (dim: number, grouping: number, total: number) => boolean = () => true,
): Map<number, Suppression> {
  const hidden = new Map<number, Suppression>();
  cells.forEach((c, i) => {
    if (c.value > 0 && c.value < threshold) hidden.set(i, 'PRIMARY');
  });
  if (hidden.size === 0) return hidden;

  // Every line: cells that agree on all coordinates but one dimension's (or its grouping's).
  const lines: number[][] = [];
  dims.forEach((dim, d) => {
    const groupings: ((c: string) => string)[] = [() => '*', ...(dim.groups ?? [])];
    groupings.forEach((group, g) => {
      const byKey = new Map<string, number[]>();
      cells.forEach((c, i) => {
        if (c.value <= 0) return;
        const key = c.coordinates.map((v, j) => (j === d ? `\u0001${group(v)}` : v)).join('\u0000');
        const line = byKey.get(key);
        if (line) line.push(i);
        else byKey.set(key, [i]);
      });
      for (const line of byKey.values()) {
        const total = line.reduce((sum, i) => sum + cells[i]!.value, 0);
        if (linePublic(d, g, total)) lines.push(line);
      }
    });
  });

  // A hidden cell cannot exceed the total of any public line it lies on.
  const cap = new Map<number, number>();
  for (const line of lines) {
    const total = line.reduce((sum, i) => sum + cells[i]!.value, 0);
    for (const i of line) cap.set(i, Math.min(cap.get(i) ?? Infinity, total));
  }
  const bounds = (i: number): [number, number] => (hidden.get(i) === 'PRIMARY' ? [1, threshold - 1] : [threshold, cap.get(i) ?? Infinity]);
  /** True when every hidden cell of the line keeps at least two possible values. */
  const protectedLine = (line: number[]): boolean => {
    const hid = line.filter((i) => hidden.has(i));
    if (hid.length === 0) return true;
    const rest = hid.reduce((s, i) => s + cells[i]!.value, 0);
    const lo = hid.map((i) => bounds(i)[0]);
    const hi = hid.map((i) => bounds(i)[1]);
    const hiExcept = sumsExcept(hi);
    const loExcept = sumsExcept(lo);
    return hid.every((_, k) => {
      const min = Math.max(lo[k]!, rest - hiExcept(k));
      const max = Math.min(hi[k]!, rest - loExcept(k));
      return max > min;
    });
  };

  const linesOf = new Map<number, number[][]>();
  for (const line of lines) {
    for (const i of line) {
      const list = linesOf.get(i);
      if (list) list.push(line);
      else linesOf.set(i, [line]);
    }
  }
  const pending = new Set<number[]>(lines.filter((line) => line.some((i) => hidden.has(i))));
  /** Hides the smallest of `candidates` (ties: by coordinates, so the choice is stable); false when there is none. */
  const hideSmallest = (candidates: number[]): boolean => {
    if (candidates.length === 0) return false;
    let best = candidates[0]!;
    for (const i of candidates) {
      const d = cells[i]!.value - cells[best]!.value;
      if (d < 0 || (d === 0 && cells[i]!.coordinates.join('\u0000') < cells[best]!.coordinates.join('\u0000'))) best = i;
    }
    hidden.set(best, 'COMPLEMENTARY');
    for (const line of linesOf.get(best) ?? []) pending.add(line);
    return true;
  };
  // What no pattern can protect: cells pinned even with every cell hidden (e.g. the only case of a line
  // whose total a coarser breakdown shows). Trying to cover them would only hide more for nothing.
  const everything = new Map<number, Suppression>();
  cells.forEach((c, i) => {
    if (c.value > 0) everything.set(i, c.value < threshold ? 'PRIMARY' : 'COMPLEMENTARY');
  });
  const everythingBounds = (i: number): [number, number] => (everything.get(i) === 'PRIMARY' ? [1, threshold - 1] : [threshold, cap.get(i) ?? Infinity]);
  const unprotectable = new Set<number>(jointlyPinned(lines, linesOf, cells, everything, everythingBounds));

  for (let round = 0; round < MAX_ROUNDS; round++) {
    // 1. Each line on its own: hide the smallest visible cell of an exposed line until it holds (or nothing is left).
    while (pending.size) {
      const line = pending.values().next().value!;
      pending.delete(line);
      while (!protectedLine(line)) {
        if (!hideSmallest(line.filter((i) => !hidden.has(i)))) break; // the whole line is hidden: its total is all a reader has
      }
    }
    // 2. All lines at once: narrow every hidden cell's range by each line in turn until nothing moves
    //    (a reader combining a row with a column); a "<5" pinned to one value gets a further cell hidden.
    const pinned = jointlyPinned(lines, linesOf, cells, hidden, bounds).filter((i) => !unprotectable.has(i));
    if (pinned.length === 0) break;
    // For each pinned cell: the smallest visible cell on a line through it — or, when its lines are all
    // hidden, through the hidden cells it is tied to (a few steps out). One per group of tied cells per round.
    const touched = new Set<number>();
    for (const cell of pinned) {
      if (touched.has(cell)) continue;
      const visited = new Set([cell]);
      let candidates: number[] = [];
      for (let frontier = [cell], depth = 0; frontier.length && !candidates.length && depth < 4; depth++) {
        const next: number[] = [];
        for (const i of frontier) {
          for (const line of linesOf.get(i) ?? []) {
            for (const j of line) {
              if (!hidden.has(j)) candidates.push(j);
              else if (!visited.has(j)) {
                visited.add(j);
                next.push(j);
              }
            }
          }
        }
        frontier = next;
      }
      for (const v of visited) touched.add(v);
      if (!hideSmallest(candidates)) unprotectable.add(cell);
    }
    if (round === MAX_ROUNDS - 1) {
      // Safety valve: still exposed after many rounds — hide everything on the exposed cells' lines.
      for (const cell of pinned) for (const line of linesOf.get(cell) ?? []) for (const j of line) if (!hidden.has(j)) hidden.set(j, 'COMPLEMENTARY');
    }
  }
  return hidden;
}

/** sumExcept(values)(k): the sum of all values but the k-th (infinite when another is), in O(1) per k. */
function sumsExcept(values: number[]): (k: number) => number {
  let finite = 0;
  let infinite = 0;
  for (const v of values) {
    if (v === Infinity) infinite++;
    else finite += v;
  }
  return (k) => (values[k] === Infinity ? (infinite > 1 ? Infinity : finite) : infinite > 0 ? Infinity : finite - values[k]!);
}

/** Hidden cells whose range collapses to one value when every public line's total is applied together. */
function jointlyPinned(
  lines: number[][],
  linesOf: Map<number, number[][]>,
  cells: CubeCell[],
  hidden: Map<number, Suppression>,
  bounds: (i: number) => [number, number],
): number[] {
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const i of hidden.keys()) {
    lo.set(i, bounds(i)[0]);
    hi.set(i, bounds(i)[1]);
  }
  const lineIndex = new Map(lines.map((l, k) => [l, k]));
  const queued = new Set<number>();
  const queue: number[] = [];
  const push = (k: number) => {
    if (!queued.has(k)) {
      queued.add(k);
      queue.push(k);
    }
  };
  lines.forEach((line, k) => {
    if (line.some((i) => hidden.has(i))) push(k);
  });
  // Each narrowing is by at least 1 on a bounded range, so this ends; the budget only guards the unbounded.
  for (let budget = 200 * lines.length + 1000; queue.length && budget > 0; budget--) {
    const k = queue.shift()!;
    queued.delete(k);
    const hid = lines[k]!.filter((i) => hidden.has(i));
    const rest = hid.reduce((sum, i) => sum + cells[i]!.value, 0);
    const hiExcept = sumsExcept(hid.map((i) => hi.get(i)!));
    const loExcept = sumsExcept(hid.map((i) => lo.get(i)!));
    for (const [j, i] of hid.entries()) {
      const newLo = Math.max(lo.get(i)!, rest - hiExcept(j));
      const newHi = Math.min(hi.get(i)!, rest - loExcept(j));
      if (newLo > lo.get(i)! || newHi < hi.get(i)!) {
        lo.set(i, newLo);
        hi.set(i, newHi);
        for (const other of linesOf.get(i) ?? []) {
          const o = lineIndex.get(other);
          if (o !== undefined && o !== k) push(o);
        }
      }
    }
  }
  return [...hidden.keys()].filter((i) => hi.get(i)! <= lo.get(i)!);
}

/** A count as analysts and published reports see it. */
export interface StatCount {
  /** Null when hidden. */
  value: number | null;
  suppressed: boolean;
  /** The number, "<5" (a small count) or "*" (hidden so that a "<5" cannot be worked out from totals). */
  display: string;
}

export const shown = (value: number): StatCount => ({ value, suppressed: false, display: String(value) });

export function statCount(value: number, suppression: Suppression | undefined | null, threshold = THRESHOLD): StatCount {
  if (!suppression) return shown(value);
  return { value: null, suppressed: true, display: suppression === 'PRIMARY' ? `<${threshold}` : '*' };
}

/** A lone figure (no table around it): hidden when small. */
export function primaryOnly(value: number, applies: boolean, threshold = THRESHOLD): StatCount {
  return applies && value > 0 && value < threshold ? statCount(value, 'PRIMARY', threshold) : shown(value);
}
