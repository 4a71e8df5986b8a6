import { normalizePhone } from '@/lib/phone';

/** The searchable forms stored beside what people typed: E.164 phones, lower-case e-mails. */
export function searchableContacts(fields: { phones?: string[]; emails?: string[] }) {
  return {
    ...(fields.phones ? { phonesNormalized: fields.phones.map((p) => normalizePhone(p)!).filter(Boolean) } : {}),
    ...(fields.emails ? { emailsNormalized: fields.emails.map((e) => e.toLowerCase()) } : {}),
  };
}
