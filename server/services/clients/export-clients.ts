import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import type { Locale } from '@/db/schema/enums';
import { formatPhone } from '@/lib/phone';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { EXPORT_ROW_LIMIT, spreadsheetFile, type Cell, type ExportFile } from '../export/spreadsheet';
import { companyRows } from './list-companies';
import { contactRows } from './list-contacts';
import { exportClientsInput, type ExportClientsInput } from './schemas';

/** The filtered list of companies or contacts as CSV or XLSX, in the user's language; audited. */
export async function exportClients(ctx: ServiceContext, rawInput: ExportClientsInput, locale: Locale): Promise<ExportFile> {
  const input = exportClientsInput.parse(rawInput);
  const t = createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'clients.export' });
  const status = (returning: boolean) => t(returning ? 'returning' : 'new');
  const phones = (list: string[]) => list.map(formatPhone).join(', ');
  let header: string[];
  let rows: Cell[][];
  if (input.kind === 'companies') {
    const found = await companyRows(ctx, input).limit(EXPORT_ROW_LIMIT + 1);
    header = ['id', 'name', 'inn', 'industry', 'region', 'segment', 'address', 'phones', 'emails', 'owner', 'status', 'createdAt'].map((c) => t(`columns.${c}` as never));
    rows = found.map((c) => [c.id, c.name, c.inn, c.industry, c.region, c.segment, c.address, phones(c.phones), c.emails.join(', '), c.ownerName, status(c.isReturning), c.createdAt]);
  } else {
    const found = await contactRows(ctx, input).limit(EXPORT_ROW_LIMIT + 1);
    header = ['id', 'fullName', 'position', 'company', 'phones', 'emails', 'birthday', 'owner', 'status', 'createdAt'].map((c) => t(`columns.${c}` as never));
    rows = found.map((c) => [c.id, c.fullName, c.position, c.companyName, phones(c.phones), c.emails.join(', '), c.birthday ? new Date(`${c.birthday}T00:00:00Z`) : null, c.ownerName, status(c.isReturning), c.createdAt]);
  }
  if (rows.length > EXPORT_ROW_LIMIT) throw new ServiceError('BAD_REQUEST', `search: more than ${EXPORT_ROW_LIMIT} rows; narrow the list`);
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: `${input.kind === 'companies' ? 'company' : 'contact'}.export`,
    entityType: input.kind === 'companies' ? 'company' : 'contact',
    entityId: null,
    changes: { format: [null, input.format], rows: [null, rows.length] },
  });
  const last = header.length - 1;
  return spreadsheetFile(
    {
      name: input.kind,
      sheetName: t(`sheet.${input.kind}`),
      header,
      rows,
      dateColumns: input.kind === 'contacts' ? [6] : [],
      dateTimeColumns: [last],
    },
    input.format,
    locale,
  );
}
