import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { typedErrorToHttpError } from '../dataProvider/graphqlClient';
import { apiErrorMessage } from './apiErrors';
import { en } from './en';
import { zh } from './zh';

const translator = (messages: typeof zh) => polyglotI18nProvider(() => messages, 'x', [], { allowMissing: true }).translate;
const inZh = translator(zh);
const inEn = translator(en);

describe('typed errors in the user’s language', () => {
  it('a code on a field with its own entry: NOT_FOUND on categoryId', () => {
    const error = { code: 'NOT_FOUND', message: 'Case category not found', field: 'input.categoryId' };
    expect(apiErrorMessage(error, inZh)).toBe('所选分类不存在或已停用');
    expect(apiErrorMessage(error, inEn)).toBe('The chosen category does not exist or is no longer in use');
  });

  it('a code without a field entry gets the code’s generic message, without the English text', () => {
    const error = { code: 'STALE_VERSION', message: 'Case was changed by someone else (now version 4); reload and retry', field: 'version' };
    expect(apiErrorMessage(error, inZh)).toBe('该记录已被他人修改，请刷新后重试');
    expect(apiErrorMessage(error, inEn)).toBe('Someone else changed this record; reload and try again');
    const forbidden = { code: 'FORBIDDEN', message: 'Not allowed for your role' };
    expect(apiErrorMessage(forbidden, inZh)).toBe('您的角色无权执行此操作');
    expect(apiErrorMessage(forbidden, inEn)).toBe('Your role may not do this');
  });

  it('a generic message that needs the detail embeds the server’s message', () => {
    const error = { code: 'VALIDATION', message: 'At most 36 months at once', field: 'toMonth' };
    expect(apiErrorMessage(error, inZh)).toBe('输入有误：At most 36 months at once');
    expect(apiErrorMessage(error, inEn)).toBe('Invalid input: At most 36 months at once');
    const amount = { code: 'VALIDATION', message: 'The amount must lie between 100 and 500 fen', field: 'proposedAmount' };
    expect(apiErrorMessage(amount, inZh)).toBe('金额须在奖励标准规定的范围内（The amount must lie between 100 and 500 fen）');
  });

  it('an unknown code, or none, falls back to the server’s message', () => {
    const error = { code: 'SOMETHING_NEW', message: 'A brand-new failure', field: 'categoryId' };
    expect(apiErrorMessage(error, inZh)).toBe('操作未成功：A brand-new failure');
    expect(apiErrorMessage(error, inEn)).toBe('The request failed: A brand-new failure');
    expect(apiErrorMessage({ code: '', message: 'Cannot query field "x"' }, inEn)).toBe('The request failed: Cannot query field "x"');
  });

  it('every code of the API contract (ErrorCode) has a generic message in both languages', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const codes = (schema.getType('ErrorCode') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(codes).toContain('NOT_FOUND');
    for (const code of codes) {
      for (const translate of [inZh, inEn]) {
        const text = apiErrorMessage({ code, message: 'server text' }, translate);
        expect(text, code).not.toMatch(/^(操作未成功|The request failed)/);
        expect(text, code).not.toContain('guardline.');
      }
    }
  });

  it('the data provider shows the translated text inline and keeps code, field and the server’s message', () => {
    const error = typedErrorToHttpError({ code: 'NOT_FOUND', message: 'Active department not found', field: 'input.departmentId' });
    expect(error.message).toBe('所选部门不存在或已停用');
    expect(error.body).toMatchObject({
      code: 'NOT_FOUND',
      field: 'departmentId',
      detail: 'Active department not found',
      errors: { departmentId: '所选部门不存在或已停用', root: { serverError: '所选部门不存在或已停用' } },
    });
  });
});
