import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import type { Locale } from '@/db/schema/enums';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { EXPORT_ROW_LIMIT, spreadsheetFile, type ExportFile } from '../export/spreadsheet';
import { dealOrder } from './deal-filters';
import { dealRowsQuery } from './list-deals';
import { exportDealsInput, type ExportDealsInput } from './schemas';

const COLUMNS = ['id', 'title', 'pipeline', 'stage', 'status', 'amount', 'currency', 'owner', 'company', 'contact', 'source', 'expectedCloseDate', 'createdAt', 'closedAt'] as const;
const at = (column: (typeof COLUMNS)[number]) => COLUMNS.indexOf(column);

/**
 * The current filtered list of deals as CSV or XLSX, in the user's language. The export is in
 * the audit log (who took which data out).
 */
export async function exportDeals(ctx: ServiceContext, rawInput: ExportDealsInput, locale: Locale): Promise<ExportFile> {
  const input = exportDealsInput.parse(rawInput);
  const rows = await dealRowsQuery(ctx, input.filters)
    .orderBy(...dealOrder(input.sort.field, input.sort.direction))
    .limit(EXPORT_ROW_LIMIT + 1);
  if (rows.length > EXPORT_ROW_LIMIT) {
    throw new ServiceError('BAD_REQUEST', `filters: more than ${EXPORT_ROW_LIMIT} deals; narrow the filters`);
  }
  const t = createTranslator({ locale, messages: locale === 'ru' ? ru : en, namespace: 'deals.export' });
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: 'deal.export',
    entityType: 'deal',
    entityId: null,
    changes: { format: [null, input.format], rows: [null, rows.length], filters: [null, input.filters] },
  });
  return spreadsheetFile(
    {
      name: 'deals',
      sheetName: t('sheet'),
      header: COLUMNS.map((column) => t(`columns.${column}`)),
      rows: rows.map((row) => [
        row.id,
        row.title,
        row.pipelineName,
        row.stageName,
        t(`status.${row.status}`),
        Number(row.amount),
        row.currency,
        row.ownerName,
        row.companyName,
        row.contactName,
        locale === 'ru' ? row.sourceNameRu : row.sourceNameEn,
        row.expectedCloseDate ? new Date(`${row.expectedCloseDate}T00:00:00Z`) : null,
        row.createdAt,
        row.closedAt,
      ]),
      moneyColumns: [at('amount')],
      dateColumns: [at('expectedCloseDate')],
      dateTimeColumns: [at('createdAt'), at('closedAt')],
    },
    input.format,
    locale,
  );
}
