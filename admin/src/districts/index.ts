// Districts are reference data with no pages of their own: the resource exists for filters and
// pickers (ReferenceInput) and for the name shown when a district is referenced.
import { localName } from '../i18n';

export const districts = {
  list: undefined,
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: undefined,
  recordRepresentation: (record: { nameZh?: string; nameEn?: string }) => localName(record),
};
