// Subject alerts through the panel: three calls about the same child raise an alert; the supervisor
// sees it with its count and the three cases, acknowledges it after a confirmation, and finds it again
// under "all". The operator has no such page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoRawKeys, menuItem, shot, startHarness, type Harness } from './support.js';

let h: Harness;
const codes: string[] = [];

const OPEN_ALERTS = `{ subjectAlerts(first: 1) { totalCount } }`;

beforeAll(async () => {
  h = await startHarness();
  const ref = await h.gql(`{ caseCategories { id code } districts { id code } }`, {}, 'operator');
  const categoryId = ref.caseCategories.find((c: any) => c.code === 'SCHOOL-BULLYING').id;
  const districtId = ref.districts.find((d: any) => d.code === '110105').id;
  for (let i = 0; i < 3; i++) {
    const r = await h.gql(
      `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { __typename ... on RegisterCasePayload { alertsRaised case { code } } ... on Error { message } } }`,
      {
        i: {
          channel: 'HOTLINE', kind: 'REPORT', domain: 'SCHOOL', categoryId, districtId, summary: `同一名学生多次被同学欺凌（第${i + 1}次来电）`,
          minors: [{ name: '测试儿童甲', birthYear: 2015 }], reporter: { anonymous: true },
        },
      },
      'operator',
    );
    expect(r.registerCase.__typename).toBe('RegisterCasePayload');
    codes.push(r.registerCase.case.code);
    if (i === 2) expect(r.registerCase.alertsRaised).toBe(1);
  }
});
afterAll(async () => {
  await h?.stop();
});

describe('subject alerts', () => {
  let supervisor: Page;
  const ours = () => supervisor.getByTestId('subject-alert').filter({ hasText: codes[0]! });

  it('the supervisor sees the open alerts, their count and the cases behind them', async () => {
    const open = (await h.gql(OPEN_ALERTS, {}, 'supervisor')).subjectAlerts.totalCount;
    supervisor = await h.signIn('supervisor');
    await menuItem(supervisor, '多次反映提醒').click();
    await supervisor.getByTestId('alert-count').filter({ hasText: `待处理提醒 ${open} 条` }).waitFor();
    await ours().waitFor();
    const row = await ours().innerText();
    for (const code of codes) expect(row).toContain(code);
    expect(await ours().getByTestId('subject-alert-kind').innerText()).toBe('未成年人');
    expect(await ours().locator('td').nth(2).innerText()).toBe('3');
    await expectNoRawKeys(supervisor);
    await shot(supervisor, 'subject-alerts-zh');
  });

  it('acknowledges one after a confirmation: it leaves the open list and shows under all', async () => {
    const open = (await h.gql(OPEN_ALERTS, {}, 'supervisor')).subjectAlerts.totalCount;
    await ours().getByTestId('acknowledge-button').click();
    const dialog = supervisor.getByRole('dialog');
    expect(await dialog.innerText()).toContain('该对象已被反映 3 次');
    await dialog.getByRole('button', { name: '确认提醒' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await supervisor.getByTestId('alert-count').filter({ hasText: `待处理提醒 ${open - 1} 条` }).waitFor();
    expect(await ours().count()).toBe(0);

    await supervisor.getByLabel('显示已确认的提醒').check();
    await ours().waitFor();
    expect(await ours().getByTestId('acknowledge-button').count()).toBe(0);
    expect(await ours().innerText()).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}\s*$/);
  });

  it('the operator has no alerts page', async () => {
    const operator = await h.signIn('operator');
    await menuItem(operator, '诉求工单').waitFor();
    expect(await menuItem(operator, '多次反映提醒').count()).toBe(0);
  });
});
