/**
 * Money and dates by locale: Russian gives `1 234 567,00 ₽` and `22.11.2026`, English
 * `RUB 1,234,567.00` and `Nov 22, 2026`. Amounts arrive as numeric strings from PostgreSQL.
 */
export function formatMoney(amount: string | number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(Number(amount));
}

export function formatDate(value: Date | string, locale: string, timeZone = 'Europe/Moscow'): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: locale === 'ru' ? '2-digit' : 'numeric',
    month: locale === 'ru' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone,
  }).format(date);
}

export function formatDateTime(value: Date | string, locale: string, timeZone = 'Europe/Moscow'): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(value));
}
