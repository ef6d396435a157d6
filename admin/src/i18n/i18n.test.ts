import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { ENUMS } from '../enums';
import { en } from './en';
import { zh } from './zh';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `dotted.path` → value. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [p, leaf] of leaves(v, path)) out.set(p, leaf);
    else out.set(path, v);
  }
  return out;
}

const placeholders = (s: string) => new Set([...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]));

const zhLeaves = leaves(zh as Tree);
const enLeaves = leaves(en as Tree);

describe('translations', () => {
  it('zh and en have exactly the same keys', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('zh translates every message of react-admin itself', () => {
    const ra = [...leaves(englishMessages as Tree).keys()].sort();
    expect([...zhLeaves.keys()].filter((k) => k.startsWith('ra.')).sort()).toEqual(ra);
  });

  it('has no empty message', () => {
    for (const [name, catalog] of [['zh', zhLeaves], ['en', enLeaves]] as const) {
      for (const [key, value] of catalog) {
        expect(typeof value, `${name} ${key}`).toBe('string');
        // react-admin's own "null" boolean is a single space on purpose
        if (key !== 'ra.boolean.null') expect((value as string).trim(), `${name} ${key}`).not.toBe('');
      }
    }
  });

  it('zh uses only placeholders that the English message has', () => {
    for (const [key, value] of zhLeaves) {
      const allowed = placeholders(enLeaves.get(key) as string);
      for (const p of placeholders(value as string)) expect(allowed.has(p), `${key}: %{${p}}`).toBe(true);
    }
  });

  it('zh has a single plural form (Chinese has no plural)', () => {
    for (const [key, value] of zhLeaves) expect(value as string, key).not.toContain('||||');
  });

  it('labels every enum value the panel shows, in both languages', () => {
    for (const e of Object.values(ENUMS)) {
      for (const v of e.values) {
        expect(zhLeaves.has(`${e.i18n}.${v}`), `zh ${e.i18n}.${v}`).toBe(true);
        expect(enLeaves.has(`${e.i18n}.${v}`), `en ${e.i18n}.${v}`).toBe(true);
      }
    }
  });
});

describe('keys used by the panel', () => {
  it('every guardline.* key written in the source exists in zh and en', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('..', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(root);
    // session storage keys, not messages
    const notMessages = new Set(['guardline.token', 'guardline.expiresAt']);
    const used = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](guardline\.[A-Za-z0-9_.]+[A-Za-z0-9_])['"`]/g)) used.add(m[1]!);
    }
    // a key that is the prefix of others (an enum's i18n prefix) is a subtree, checked by the enum test
    const isSubtree = (k: string) => [...zhLeaves.keys()].some((leaf) => leaf.startsWith(`${k}.`));
    const missing = [...used].filter((k) => !notMessages.has(k) && !isSubtree(k) && (!zhLeaves.has(k) || !enLeaves.has(k)));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(300);
  });
});
