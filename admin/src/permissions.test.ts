import { describe, expect, it } from 'vitest';
import { ROLES } from './enums';
import { can, PERMISSIONS } from './permissions';

describe('role table', () => {
  it('has a row for every role of the contract', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('default deny: unknown roles, resources and actions are refused', () => {
    expect(can([], 'departments', 'list')).toBe(false);
    expect(can(['NOBODY'], 'departments', 'list')).toBe(false);
    expect(can(['OPERATOR'], 'nothing', 'list')).toBe(false);
    expect(can(['OPERATOR'], 'departments', 'delete')).toBe(false);
  });

  it('users and API tokens are for administrators only', () => {
    for (const role of ROLES) {
      expect(can([role], 'users', 'list'), role).toBe(role === 'ADMIN');
      expect(can([role], 'apiTokens', 'revoke'), role).toBe(role === 'ADMIN');
    }
  });

  it('follows DESIGN.md: the desk works cases, admins and analysts see no case records', () => {
    expect(can(['OPERATOR'], 'departments', 'list')).toBe(true);
    expect(can(['OPERATOR'], 'cases', 'dispatch')).toBe(true);
    expect(can(['OPERATOR'], 'cases', 'merge')).toBe(false);
    expect(can(['SUPERVISOR'], 'cases', 'merge')).toBe(true);
    expect(can(['ADMIN'], 'cases', 'list')).toBe(false);
    expect(can(['ANALYST'], 'cases', 'list')).toBe(false);
    expect(can(['COMMITTEE_MEMBER'], 'rewardRecords', 'finalize')).toBe(false);
    expect(can(['COMMITTEE_CHAIR'], 'rewardRecords', 'finalize')).toBe(true);
  });

  it('a user with several roles gets the union', () => {
    expect(can(['ANALYST', 'ADMIN'], 'users', 'create')).toBe(true);
    expect(can(['ANALYST', 'ADMIN'], 'analysisReports', 'publish')).toBe(true);
  });
});
