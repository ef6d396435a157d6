// A reader trying to recover hidden cells of a two-way table from what is published: the visible
// cells, the row and column totals, and the bounds the markers give away ("<5" is 1..4, "*" is at
// least 5 — every count under 5 is already "<5"). It searches for completions that fit all the totals
// at once (not one line at a time); a hidden cell is recovered when only one value fits.
export interface PublishedTable {
  /** cells[r][c]: a number (shown), '<5', '*', or 0 for an absent cell. */
  cells: (number | '<5' | '*')[][];
  rowTotals: number[];
  colTotals: number[];
}

interface Hidden {
  r: number;
  c: number;
  lo: number;
  hi: number;
}

function setUp(t: PublishedTable) {
  const hidden: Hidden[] = [];
  t.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === '<5') hidden.push({ r, c, lo: 1, hi: 4 });
      else if (v === '*') hidden.push({ r, c, lo: 5, hi: Math.min(t.rowTotals[r]!, t.colTotals[c]!) });
    }),
  );
  const known = (r: number, c: number) => (typeof t.cells[r]![c] === 'number' ? (t.cells[r]![c] as number) : 0);
  const rowLeft = t.rowTotals.map((total, r) => total - t.cells[r]!.reduce<number>((s, _v, c) => s + known(r, c), 0));
  const colLeft = t.colTotals.map((total, c) => total - t.cells.reduce<number>((s, _row, r) => s + known(r, c), 0));
  return { hidden, rowLeft, colLeft };
}

/** Is there a completion with the given cells fixed? Depth-first, pruned by what each line can still hold. */
function exists(hidden: Hidden[], rowLeft: number[], colLeft: number[]): boolean {
  const rows = [...rowLeft];
  const cols = [...colLeft];
  const rowLo = rows.map(() => 0), rowHi = rows.map(() => 0), colLo = cols.map(() => 0), colHi = cols.map(() => 0);
  for (const h of hidden) {
    rowLo[h.r]! += h.lo; rowHi[h.r]! += h.hi; colLo[h.c]! += h.lo; colHi[h.c]! += h.hi;
  }
  const fits = () => rows.every((x, i) => rowLo[i]! <= x && x <= rowHi[i]!) && cols.every((x, i) => colLo[i]! <= x && x <= colHi[i]!);
  const go = (i: number): boolean => {
    if (!fits()) return false;
    if (i === hidden.length) return rows.every((x) => x === 0) && cols.every((x) => x === 0);
    const h = hidden[i]!;
    rowLo[h.r]! -= h.lo; rowHi[h.r]! -= h.hi; colLo[h.c]! -= h.lo; colHi[h.c]! -= h.hi;
    let found = false;
    for (let v = h.lo; v <= Math.min(h.hi, rows[h.r]!, cols[h.c]!) && !found; v++) {
      rows[h.r]! -= v; cols[h.c]! -= v;
      found = go(i + 1);
      rows[h.r]! += v; cols[h.c]! += v;
    }
    rowLo[h.r]! += h.lo; rowHi[h.r]! += h.hi; colLo[h.c]! += h.lo; colHi[h.c]! += h.hi;
    return found;
  };
  return go(0);
}

/** Every value each hidden cell can take in some completion consistent with all totals ("r,c" → values). */
export function feasibleValues(t: PublishedTable, stopAt = Infinity): Map<string, Set<number>> {
  const { hidden, rowLeft, colLeft } = setUp(t);
  const out = new Map<string, Set<number>>();
  hidden.forEach((h, k) => {
    const values = new Set<number>();
    for (let v = h.lo; v <= Math.min(h.hi, rowLeft[h.r]!, colLeft[h.c]!) && values.size < stopAt; v++) {
      const fixed = hidden.map((x, j) => (j === k ? { ...x, lo: v, hi: v } : x));
      if (exists(fixed, rowLeft, colLeft)) values.add(v);
    }
    out.set(`${h.r},${h.c}`, values);
  });
  return out;
}

/** Hidden cells whose value the totals pin down ("r,c"). */
export function recovered(t: PublishedTable): string[] {
  return [...feasibleValues(t, 2)].filter(([, vals]) => vals.size <= 1).map(([k]) => k);
}
