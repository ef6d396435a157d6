// Who is asking: a staff user, a partner token, or nobody. Everything downstream reads roles from here.
import type { Role } from '../../../schema/enums.js';

export type ViewerKind = 'anonymous' | 'user' | 'token';

export interface Viewer {
  kind: ViewerKind;
  /** User id or token id; null when anonymous. */
  id: string | null;
  /** Shown in the audit trail: username or token name. */
  label: string;
  roles: ReadonlySet<Role>;
  departmentId: string | null;
  /** The general line's INTAKE token: registerCase only. */
  intake: boolean;
  sessionId: string | null;
}

export const anonymous: Viewer = {
  kind: 'anonymous', id: null, label: 'public', roles: new Set(), departmentId: null, intake: false, sessionId: null,
};

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return roles.some((r) => viewer.roles.has(r));
}

/** The actor written into audit events. */
export function actorOf(viewer: Viewer): { actorKind: 'USER' | 'TOKEN' | 'PUBLIC' | 'SYSTEM'; actorId: string | null; actorLabel: string } {
  if (viewer.kind === 'user') return { actorKind: 'USER', actorId: viewer.id, actorLabel: viewer.label };
  if (viewer.kind === 'token') return { actorKind: 'TOKEN', actorId: viewer.id, actorLabel: viewer.label };
  return { actorKind: 'PUBLIC', actorId: null, actorLabel: 'public' };
}

export const systemViewer: Viewer = {
  kind: 'user', id: null, label: 'system', roles: new Set(['ADMIN', 'SUPERVISOR', 'OPERATOR']), departmentId: null, intake: false, sessionId: null,
};
