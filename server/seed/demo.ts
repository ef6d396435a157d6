// Demo accounts, one per role, for development only. Workflow records are added by each module's
// own seed, through its service, so they obey the rules.
import { eq } from 'drizzle-orm';
import { departments, users } from '../../schema/index.js';
import type { Role } from '../../schema/enums.js';
import type { ServiceContext } from '../context.js';
import { createUser } from '../modules/auth/service.js';

export const DEMO_PASSWORD = 'guardline-demo';

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; departmentCode?: string }[] = [
  { username: 'operator', displayName: '接线员 王敏', roles: ['OPERATOR'] },
  { username: 'supervisor', displayName: '值班长 李强', roles: ['SUPERVISOR'] },
  { username: 'police', displayName: '朝阳分局 张警官', roles: ['DEPARTMENT_HANDLER'], departmentCode: 'PSB-110105' },
  { username: 'education', displayName: '海淀区教委 刘老师', roles: ['DEPARTMENT_HANDLER'], departmentCode: 'EDU-110108' },
  { username: 'analyst', displayName: '数据分析员 陈静', roles: ['ANALYST'] },
  { username: 'secretary', displayName: '奖励委员会秘书 赵磊', roles: ['REWARD_SECRETARY'] },
  { username: 'member1', displayName: '委员 孙红', roles: ['COMMITTEE_MEMBER'] },
  { username: 'member2', displayName: '委员 周涛', roles: ['COMMITTEE_MEMBER'] },
  { username: 'member3', displayName: '委员 吴芳', roles: ['COMMITTEE_MEMBER'] },
  { username: 'chair', displayName: '委员会主任 郑华', roles: ['COMMITTEE_CHAIR'] },
  { username: 'admin', displayName: '系统管理员', roles: ['ADMIN'] },
];

/** Creates the demo accounts that are missing; returns the usernames created. */
export async function seedDemoUsers(ctx: ServiceContext): Promise<string[]> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    const [exists] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, u.username));
    if (exists) continue;
    const [dept] = u.departmentCode
      ? await ctx.db.select({ id: departments.id }).from(departments).where(eq(departments.code, u.departmentCode))
      : [];
    await createUser(ctx, { username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, roles: u.roles, departmentId: dept?.id ?? null }, { isDemo: true, bootstrap: true });
    created.push(u.username);
  }
  return created;
}
