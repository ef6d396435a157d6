// The API's typed errors in the user's language. Partners read `code` and `field`; the server's message is
// English, for developers. Staff see our catalog's text instead: the entry for the code on that field if
// there is one, else the code's own, which embeds the server's message as `%{detail}` only where the
// generic text alone would not say what to fix. A code the catalog does not know shows the server's message.
import type { TranslateFunction } from 'react-admin';
import { i18nProvider } from './index';

export interface ApiError {
  code: string;
  message: string;
  field?: string | null;
}

const PREFIX = 'guardline.apiError';

/** The input field an error names, without the `input.` the validation plugin may put before it. */
export function errorField(field: string | null | undefined): string | null {
  return field ? field.replace(/^input\./, '') : null;
}

/** The message to show for a typed error, in the language `translate` speaks (by default the panel's). */
export function apiErrorMessage(error: ApiError, translate: TranslateFunction = i18nProvider.translate): string {
  const options = { detail: error.message };
  // A missing key comes back as itself (`_`), which tells us to try the next, more generic one.
  const lookup = (key: string) => {
    const text = translate(key, { ...options, _: key });
    return text === key ? null : text;
  };
  const field = errorField(error.field);
  return (
    (field ? lookup(`${PREFIX}.field.${error.code}.${field}`) : null) ??
    (error.code ? lookup(`${PREFIX}.code.${error.code}`) : null) ??
    translate(`${PREFIX}.unknown`, options)
  );
}
