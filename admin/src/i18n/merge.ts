// Catalogs are written in parts (react-admin's, the foundation's, the workflow screens'); this merges
// them key by key, so two parts may both add to `guardline.dashboard`.
type Tree = { [key: string]: unknown };

export function mergeMessages<T extends Tree>(base: T, extra: Tree): T {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const cur = out[k];
    out[k] = cur && typeof cur === 'object' && v && typeof v === 'object' && !Array.isArray(v) ? mergeMessages(cur as Tree, v as Tree) : v;
  }
  return out as T;
}
