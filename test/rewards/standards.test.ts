// Standards are versioned: a new version supersedes the active one; records keep the version they cite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const STANDARD = `... on RewardStandard { id code version status } ... on Error { errorCode: code message field }`;

describe('reward standards', () => {
  it('activating version 2 retires version 1, so one code never has two active versions', async () => {
    const admin = await t.login('admin');
    const created = await t.gql(`mutation($i: CreateRewardStandardInput!) { createRewardStandard(input: $i) { __typename ${STANDARD} } }`, {
      i: { code: 'RPT-L3', kind: 'REPORT_REWARD', level: 'L3', nameZh: '三级举报奖励（修订）', nameEn: 'Level 3 tip-off (revised)', criteria: '线索属实', honourType: 'COMMENDATION_LETTER', minAmount: 0, maxAmount: 80000, validFrom: '2026-12-01' },
    }, admin);
    expect(created.data.createRewardStandard).toMatchObject({ code: 'RPT-L3', version: 2, status: 'DRAFT' });
    const activated = await t.gql(`mutation($id: ID!) { activateRewardStandard(input: { id: $id }) { __typename ${STANDARD} } }`, { id: created.data.createRewardStandard.id }, admin);
    expect(activated.data.activateRewardStandard.status).toBe('ACTIVE');
    const all = await t.gql(`{ rewardStandards(kind: REPORT_REWARD) { code version status } }`, {}, admin);
    const l3 = all.data.rewardStandards.filter((s: any) => s.code === 'RPT-L3');
    expect(l3).toEqual(expect.arrayContaining([{ code: 'RPT-L3', version: 1, status: 'RETIRED' }, { code: 'RPT-L3', version: 2, status: 'ACTIVE' }]));
    expect(l3.filter((s: any) => s.status === 'ACTIVE')).toHaveLength(1);
  });

  it('only an administrator creates, activates or retires standards', async () => {
    const sup = await t.login('supervisor');
    const r = await t.gql(`mutation { retireRewardStandard(input: { id: "UmV3YXJkU3RhbmRhcmQ6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" }) { __typename } }`, {}, sup);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
