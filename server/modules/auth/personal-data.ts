// Who may read which kind of personal data. The schema marks fields with a kind; this table decides.
import type { Role } from '../../../schema/enums.js';
import { hasRole, type Viewer } from './viewer.js';

export type PersonalDataKind = 'REPORTER_IDENTITY' | 'CLAIM_CODE' | 'SUBJECT_IDENTITY' | 'SUBMITTER_IDENTITY' | 'NOMINEE_ORGANIZATION' | 'PAYEE';

export interface PersonalDataOwner {
  entity: string;
  id: string;
  /** The reporter agreed to share contact with the departments handling the case. */
  consentToShare?: boolean;
}

const READERS: Record<PersonalDataKind, { roles: Role[]; withConsent?: Role[] }> = {
  // Operators call back; departments only where the reporter consented.
  REPORTER_IDENTITY: { roles: ['OPERATOR', 'SUPERVISOR'], withConsent: ['DEPARTMENT_HANDLER'] },
  // The pseudonymous identity that claims a reward: whoever holds it can claim, so only the desk sees it.
  CLAIM_CODE: { roles: ['OPERATOR', 'SUPERVISOR'] },
  // Handlers must find the child; case visibility already limits them to their own cases.
  SUBJECT_IDENTITY: { roles: ['OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER'] },
  SUBMITTER_IDENTITY: { roles: ['OPERATOR', 'SUPERVISOR'] },
  // A nominee's organisation, so a committee member can spot a conflict of interest without a name.
  NOMINEE_ORGANIZATION: { roles: ['COMMITTEE_MEMBER', 'COMMITTEE_CHAIR', 'REWARD_SECRETARY', 'SUPERVISOR'] },
  // Only the secretary pays.
  PAYEE: { roles: ['REWARD_SECRETARY'] },
};

export function mayReadPersonalData(kind: PersonalDataKind, viewer: Viewer, owner: PersonalDataOwner): boolean {
  const rule = READERS[kind];
  if (hasRole(viewer, ...rule.roles)) return true;
  return !!rule.withConsent && owner.consentToShare === true && hasRole(viewer, ...rule.withConsent);
}
