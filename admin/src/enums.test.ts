import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENUMS } from './enums';

const schema = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');

function schemaEnum(name: string): string[] {
  const m = new RegExp(`^enum ${name} \\{([^}]*)\\}`, 'm').exec(schema);
  if (!m) throw new Error(`enum ${name} is not in schema/schema.graphql`);
  return m[1]!
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Z][A-Z0-9_]*$/.test(l));
}

describe('panel enums match the GraphQL contract', () => {
  for (const [name, e] of Object.entries(ENUMS)) {
    it(name, () => {
      expect([...e.values].sort()).toEqual(schemaEnum(name).sort());
    });
  }
});
