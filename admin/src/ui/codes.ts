// Codes of reference data (departments, categories) are stable identifiers other systems route by.
// Mirrors the server's rule in departments/service.ts (which checks again, upper-casing first).
import { regex } from 'react-admin';

export const CODE_PATTERN = regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, 'guardline.reference.code_invalid');
