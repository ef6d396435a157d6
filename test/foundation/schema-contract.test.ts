// The committed schema is the contract partners code against; every root field says who may call it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/schema.js';
import { printedSchema, SCHEMA_FILE } from '../../server/print-schema.js';

describe('schema contract', () => {
  it('schema/schema.graphql is current (run `npm run schema:print`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('default deny: every query, mutation and subscription field declares its auth scopes', () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((r) => r != null);
    const missing: string[] = [];
    for (const root of roots) {
      for (const [name, field] of Object.entries(root!.getFields())) {
        const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
        if (!options?.authScopes) missing.push(`${root!.name}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('personal-data fields are nullable and say so in the schema', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__')) continue;
      for (const field of Object.values((type as { getFields(): Record<string, any> }).getFields())) {
        if (!field.extensions?.personalData) continue;
        expect(String(field.type), `${type.name}.${field.name}`).not.toMatch(/!$/);
        expect(field.description).toMatch(/Personal data/);
      }
    }
  });
});
