import { sql, type SQL } from 'drizzle-orm';
import { normalizePhone } from '@/lib/phone';
import { intArray } from './catalog';
import { MERGE_ENTITY_CONFIG, type MergeRecordRow } from './entities';
import type { MergeEntity, MergeField } from './schemas';

/**
 * The SET list that turns the survivor into the merged record: each chosen field copied in the
 * database from its source row (values never round-trip through JavaScript), plus the rules for
 * what nobody chooses.
 */
export function survivorAssignments(
  entity: MergeEntity,
  survivorId: number,
  rows: MergeRecordRow[],
  chosen: Partial<Record<MergeField, number>>,
): SQL[] {
  const config = MERGE_ENTITY_CONFIG[entity];
  const table = sql.identifier(config.table);
  const columns = config.columns as Record<string, string[]>;
  const assignments: SQL[] = [];
  for (const [field, sourceId] of Object.entries(chosen)) {
    if (sourceId === undefined || sourceId === survivorId) continue;
    for (const column of columns[field]!) {
      const c = sql.identifier(column);
      assignments.push(sql`${c} = (select s.${c} from ${table} s where s.id = ${sourceId})`);
    }
  }
  const ids = rows.map((row) => row.id);
  assignments.push(...(entity === 'lead' ? leadRules(survivorId, ids) : channelRules(survivorId, rows)));
  assignments.push(sql`version = version + 1`, sql`updated_at = now()`);
  return assignments;
}

/**
 * Leads: worked on if any of them was; first touched when the earliest was; duplicate links kept
 * from the survivor first, then the others (a link inside the merged group is dropped).
 */
function leadRules(survivorId: number, ids: number[]): SQL[] {
  const all = intArray(ids);
  const firstLink = (column: string, pointsAtLeads = false) => {
    const c = sql.identifier(column);
    const outsideGroup = pointsAtLeads ? sql`and x.${c} <> all(${all})` : sql``;
    return sql`${c} = (select x.${c} from leads x where x.id = any(${all}) and x.${c} is not null ${outsideGroup}
      order by x.id = ${survivorId} desc, x.id limit 1)`;
  };
  return [
    sql`status = case when exists (select 1 from leads x where x.id = any(${all}) and x.status = 'in_progress') then 'in_progress' else status end`,
    sql`first_activity_at = (select min(x.first_activity_at) from leads x where x.id = any(${all}))`,
    firstLink('duplicate_of_lead_id', true),
    firstLink('duplicate_contact_id'),
    firstLink('duplicate_company_id'),
  ];
}

/** Contacts and companies: every phone and e-mail of every record is kept (nothing is lost). */
function channelRules(survivorId: number, rows: MergeRecordRow[]): SQL[] {
  const ordered = [...rows].sort((a, b) => Number(b.id === survivorId) - Number(a.id === survivorId) || a.id - b.id);
  const list = (field: string) => ordered.flatMap((row) => (row[field] as string[] | null) ?? []);
  const united = {
    phones: distinctBy(list('phones'), (phone) => normalizePhone(phone) ?? phone.trim()),
    emails: distinctBy(list('emails'), (email) => email.trim().toLowerCase()),
    phones_normalized: distinctBy(list('phonesNormalized'), (value) => value),
    emails_normalized: distinctBy(list('emailsNormalized'), (value) => value),
  };
  return Object.entries(united).map(
    ([column, values]) =>
      sql`${sql.identifier(column)} = array(select v from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) with ordinality e(v, n) order by n)`,
  );
}

function distinctBy(values: string[], key: (value: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
