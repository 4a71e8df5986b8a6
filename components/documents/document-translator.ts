import { createTranslator } from 'next-intl';
import type { Locale } from '@/db/schema/enums';

/**
 * Translations in the document's language, whatever the viewer's: a Russian manager prints an
 * English offer. (The request's own locale comes from the user, so it cannot be asked for here.)
 */
export async function documentTranslator<N extends 'proposals.sheet' | 'invoices.sheet'>(locale: Locale, namespace: N) {
  const messages = (await import(`@/messages/${locale}.json`)).default;
  return createTranslator({ locale, messages, namespace });
}
