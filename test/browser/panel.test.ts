// The admin panel in a real browser against the real server: sign-in, the Chinese UI and the
// language switch, role-based menus, the departments list, and an API token issued and revoked.
// Needs the built panel (`npm run admin:build`) and Debian's Chromium (+ fonts-wqy-microhei for CJK).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoRawKeys, menuItem, shot, startHarness, type Harness } from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.closeContexts();
});

afterAll(async () => {
  await h?.stop();
});

const signIn = (username: string, loginScreenshot?: string) => h.signIn(username, { loginScreenshot });

describe('admin panel', () => {
  it('an operator signs in to the Chinese UI, lists departments, and switches to English', async () => {
    const page = await signIn('operator', 'panel-login-zh');
    await page.getByText('您好，接线员 王敏').waitFor();
    await page.getByTestId('dashboard-role').first().waitFor();
    expect(await page.getByTestId('dashboard-role').allInnerTexts()).toEqual(['专席接线员']);

    // the operator's menu: departments yes; users and API tokens no
    await menuItem(page, '部门').waitFor();
    expect(await menuItem(page, '用户').count()).toBe(0);
    expect(await menuItem(page, 'API 令牌').count()).toBe(0);

    await menuItem(page, '部门').click();
    await page.waitForURL(/#\/departments/);
    const rows = page.locator('.RaList-main table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await page.getByRole('columnheader', { name: '编码' }).isVisible()).toBe(true);
    await shot(page, 'panel-departments-zh');
    expect(await page.getByRole('cell', { name: '北京市民政局', exact: true }).first().isVisible()).toBe(true);
    await page.getByText(/共 \d+ 条/).waitFor();

    // the search filter
    await page.getByPlaceholder('搜索').fill('公安局');
    await page.getByRole('cell', { name: '北京市公安局', exact: true }).first().waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '北京市民政局', exact: true }).count()).toBe(0);

    // a row opens the department with its parent and sub-departments
    await page.locator('td.column-name', { hasText: '北京市公安局' }).first().click();
    await page.waitForURL(/#\/departments\/[^/]+\/show/);
    await page.getByText('下属部门').first().waitFor();
    await shot(page, 'panel-department-show-zh');

    // the language switch
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await menuItem(page, 'Departments').waitFor();
    await menuItem(page, 'Departments').click();
    await page.getByRole('columnheader', { name: 'Code' }).waitFor();
    await shot(page, 'panel-departments-en');
    await page.getByRole('cell', { name: 'Beijing Municipal Public Security Bureau', exact: true }).first().waitFor();
  });

  it('an admin sees users and API tokens, creates a user, and issues and revokes a token', async () => {
    const page = await signIn('admin');
    await menuItem(page, '用户').waitFor();
    expect(await menuItem(page, 'API 令牌').isVisible()).toBe(true);
    await shot(page, 'panel-dashboard-admin-zh');

    // a user: the server's typed error on a field shows under that field
    await menuItem(page, '用户').click();
    await page.getByRole('cell', { name: 'operator', exact: true }).waitFor();
    await page.getByRole('link', { name: '新建' }).first().click();
    await page.locator('input[name="username"]').fill('operator');
    await page.locator('input[name="displayName"]').fill('接线员 测试');
    await page.locator('input[name="password"]').fill('a-long-demo-password');
    await page.getByLabel('专席接线员').check();
    await page.getByRole('button', { name: '保存' }).click();
    // in the user's language, not the server's English message
    await page.locator('.ra-input-username', { hasText: '该用户名已被占用' }).waitFor();
    await shot(page, 'panel-user-create-error-zh');
    await page.locator('input[name="username"]').fill('operator2');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'operator2', exact: true }).waitFor();

    await menuItem(page, 'API 令牌').click();
    await page.waitForURL(/#\/apiTokens/);
    await page.getByRole('link', { name: '签发令牌' }).first().click();
    await page.locator('input[name="name"]').fill('12345 主线');
    await page.getByLabel('12345 转入令牌').check();
    await page.getByRole('button', { name: '签发令牌' }).click();
    const secret = page.getByTestId('api-token-secret');
    await secret.waitFor();
    expect((await secret.innerText()).length).toBeGreaterThan(20);
    await shot(page, 'panel-token-secret-zh');
    await page.getByRole('button', { name: '我已妥善保存' }).click();

    await page.getByRole('cell', { name: '12345 主线' }).waitFor();
    await page.getByRole('button', { name: '吊销' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
    await page.getByText('令牌已吊销').waitFor();
    await expect.poll(() => page.getByRole('button', { name: '吊销' }).count()).toBe(0);

    // the new account: deactivated from its page (its sessions end; the server audits it)
    await menuItem(page, '用户').click();
    await page.getByRole('cell', { name: 'operator2', exact: true }).click();
    await page.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await page.getByText('账户已停用').waitFor();
    await page.getByRole('button', { name: '重新启用' }).waitFor();
  });

  it('an admin creates a department and adds a holiday to the working-day calendar', async () => {
    const page = await signIn('admin');
    await menuItem(page, '部门').click();
    await page.waitForURL(/#\/departments/);
    await page.getByRole('link', { name: '新建' }).first().click();
    await page.locator('input[name="code"]').fill('st-110105-jsl');
    await page.locator('input[name="nameZh"]').fill('朝阳区劲松街道办事处');
    await page.locator('input[name="nameEn"]').fill('Jinsong Subdistrict Office, Chaoyang');
    await page.getByRole('combobox', { name: /^类别/ }).click();
    await page.getByRole('option', { name: '街道（乡镇）' }).click();
    // the parent, found by typing; the district is left to follow it
    await page.getByRole('combobox', { name: /^上级部门/ }).fill('朝阳区人民政府');
    await page.getByRole('option', { name: '朝阳区人民政府' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/departments\/[^/]+\/show/);
    await page.getByText('ST-110105-JSL').waitFor();
    expect(await page.getByText('朝阳区劲松街道办事处').first().isVisible()).toBe(true);
    expect(await page.getByText('朝阳区人民政府').first().isVisible()).toBe(true);
    expect(await page.getByText('朝阳区', { exact: true }).first().isVisible()).toBe(true);
    await shot(page, 'panel-department-created-zh');

    await menuItem(page, '节假日与调休').click();
    await page.getByTestId('holiday-year').waitFor();
    const year = Number((await page.getByTestId('holiday-year').innerText()).match(/\d{4}/)![0]);
    const day = `${year}-12-24`;
    await page.getByTestId('holiday-add-button').click();
    const dialog = page.getByTestId('holiday-add');
    await dialog.locator('input[name="day"]').fill(day);
    await dialog.locator('input[name="nameZh"]').fill('测试假日');
    await dialog.locator('input[name="nameEn"]').fill('Test holiday');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.getByTestId(`holiday-${day}`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/12月24日[\s\S]*放假[\s\S]*测试假日/);
    await expectNoRawKeys(page);
    await shot(page, 'panel-holidays-zh');
    const listed = await h.gql<{ holidays: { day: string; kind: string }[] }>(`query($y: Int!) { holidays(year: $y) { day kind } }`, { y: year }, 'admin');
    expect(listed.holidays).toContainEqual({ day, kind: 'HOLIDAY' });
  });

  it('raised no page error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
