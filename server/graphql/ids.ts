// Global IDs (Relay): opaque to clients, typed on the way in.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../shared/errors.js';
import { isUuid } from '../modules/auth/service.js';

/** The row id inside a global ID of `type`; a wrong type or a malformed id is a validation error. */
export function decodeId(id: string | null | undefined, type: string, field = 'id'): string | null {
  if (id == null) return null;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(String(id));
  } catch {
    throw new ValidationError(`Not a valid ${type} id`, field);
  }
  if (decoded.typename !== type || !isUuid(decoded.id)) throw new ValidationError(`Not a valid ${type} id`, field);
  return decoded.id;
}
