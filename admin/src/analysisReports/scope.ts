// A report's scope in words: district, category and protection domain, "all" where not narrowed.
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields';
import { localName } from '../i18n';
import type { Report } from './types';

export function useScopeLabel(): (scope: Report['scope'] | undefined) => string {
  const translate = useTranslate();
  const domain = useEnumLabel('ProtectionDomain');
  return (scope) =>
    [
      scope?.district ? localName(scope.district) : translate('guardline.reports.all_city'),
      scope?.category ? localName(scope.category) : translate('guardline.reports.all_categories'),
      scope?.domain ? domain(scope.domain) : translate('guardline.reports.all_domains'),
    ].join(' / ');
}
