// Every operation the panel can send — each resource's list, record and export selections, every
// create and domain action, and the hand-written queries — is valid against the committed contract
// (schema/schema.graphql), and stays within the server's limits on aliases.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createDataProvider, RESOURCES, type GraphQLRequest } from './index';
import * as queries from './queries';

const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));

function check(query: string): DocumentNode {
  const doc = parse(query);
  const errors = validate(schema, doc);
  if (errors.length) throw new Error(`${errors.map((e) => e.message).join('; ')}\n${query}`);
  return doc;
}

/** A request that validates the operation, then answers with an empty shape of the right kind. */
function validatingRequest(seen: string[]): GraphQLRequest {
  return (async (query: string) => {
    const doc = check(query);
    seen.push(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const out: Record<string, unknown> = {};
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== 'Field') continue;
      const key = sel.alias?.value ?? sel.name.value;
      if (op.operation === 'mutation') {
        const inline = sel.selectionSet?.selections.find((s) => s.kind === 'InlineFragment' && s.typeCondition?.name.value !== 'Error');
        out[key] = { __typename: inline && inline.kind === 'InlineFragment' ? inline.typeCondition!.name.value : 'Unknown' };
      } else if (sel.name.value === 'node') out[key] = null;
      else if (sel.selectionSet?.selections.some((s) => s.kind === 'Field' && s.name.value === 'edges')) out[key] = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
      else out[key] = [];
    }
    return out;
  }) as GraphQLRequest;
}

describe('operations against the contract', () => {
  for (const [name, cfg] of Object.entries(RESOURCES)) {
    it(`${name}: list, record and export selections`, async () => {
      const seen: string[] = [];
      const provider = createDataProvider(validatingRequest(seen));
      if (cfg.list) {
        for (const fields of ['list', 'export'] as const) {
          await provider.getList(name, { pagination: { page: 1, perPage: 25 }, sort: { field: 'receivedAt', order: 'ASC' }, filter: { q: '欺凌', status: 'RECEIVED', overdue: 'true', receivedFrom: '2026-01-01', receivedTo: '2026-01-31' }, meta: { fields } });
        }
      }
      // Not Nodes, so never fetched by id: the public notice board and the audit log.
      if (cfg.type !== 'PublicNotice' && cfg.type !== 'AuditEvent') {
        await expect(provider.getOne(name, { id: 'x' })).rejects.toMatchObject({ status: 404 });
        await provider.getMany(name, { ids: ['a', 'b'] });
      }
      expect(seen.length).toBeGreaterThan(0);
    });

    const mutations = { ...(cfg.create ? { create: cfg.create } : {}), ...(cfg.update ? { update: cfg.update } : {}), ...(cfg.actions ?? {}) };
    for (const [action, m] of Object.entries(mutations)) {
      it(`${name}.${action} → ${m.field}`, async () => {
        const seen: string[] = [];
        const provider = createDataProvider(validatingRequest(seen));
        const data = { version: 1, reason: 'r', departmentIds: ['d'], assists: [{ departmentId: 'd' }], minors: [{ name: '小明', birthYear: '2014' }], reporter: { anonymous: false } };
        if (action === 'create') await provider.create(name, { data }).catch(() => undefined);
        else if (action === 'update' && m === cfg.update) await provider.update(name, { id: 'x', data, previousData: { id: 'x' } }).catch(() => undefined);
        else await provider.action(name, action, { id: 'x', data }).catch(() => undefined);
        expect(seen).toHaveLength(1);
        expect(seen[0]).toContain(m.field);
      });
    }
  }

  it('the hand-written queries', () => {
    for (const [name, q] of Object.entries(queries)) {
      if (typeof q === 'string') expect(() => check(q), name).not.toThrow();
    }
    check(queries.countQuery('C', 'cases', 'CaseFilter', Array.from({ length: 20 }, (_, i) => `a${i}`)));
    check(queries.countQuery('D', 'dispatches', 'DispatchFilter', ['a', 'b']));
    check(queries.countQuery('R', 'rewardRecords', 'RewardRecordFilter', ['a']));
  });
});
