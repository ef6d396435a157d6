// Chinese-aware text search without an extension: index each CJK character and each pair of adjacent
// CJK characters (most Chinese words, 欺凌, 家暴, are two characters), plus lower-cased latin words and
// digits. A query's tokens must all be present (served by the GIN index); the exact phrase is rechecked.
import { sql, type SQL } from 'drizzle-orm';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;

export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const run of text.normalize('NFKC').toLowerCase().match(RUN) ?? []) {
    if (!CJK.test(run)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      tokens.add(c);
      if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
    });
  }
  return [...tokens];
}

/** The tokens a query term must match: bigrams when the term has them, else its single characters. */
export function queryTokens(term: string): string[] {
  const tokens = new Set<string>();
  for (const run of term.normalize('NFKC').toLowerCase().match(RUN) ?? []) {
    if (!CJK.test(run)) tokens.add(run);
    else {
      const chars = [...run];
      if (chars.length === 1) tokens.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]);
    }
  }
  return [...tokens];
}

/** The tsvector of a record's searchable text, built from our tokens (no text-search parser involved). */
export function searchVectorSql(...texts: (string | null | undefined)[]): SQL {
  // Tokens hold only letters and digits, so a space is a safe separator.
  const tokens = searchTokens(texts.filter(Boolean).join(' '));
  return sql`array_to_tsvector(string_to_array(${tokens.join(' ')}::text, ' '))`;
}

const quote = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** `tsquery` text that requires every token; null when the term has nothing searchable. */
export function searchQueryText(term: string): string | null {
  const tokens = queryTokens(term);
  return tokens.length ? tokens.map(quote).join(' & ') : null;
}
