/** Loads the small fixed tables: organisation, teams, users, reference lists, pipelines, products. */
import { DAY, toReal } from './business-clock';
import type { BulkSession } from './bulk-loader';
import type { SeedContext } from './context';
import { NULL, bool, int, line, money, ref, text, ts } from './copy-text';
import { formatPhone, nationalNumber } from './phone';
import { Rng, STREAM } from './random';
import { JUNK_REASONS, LEAD_SOURCES, LOSS_REASONS, ORGANISATION, ORGANISATION_REQUISITES, PIPELINES, PRODUCTS, type ReferenceItem } from './reference-data';
import { REGIONS } from './vocabulary-regions';

/** The CRM went live a month before the history window: staff and lists exist from then on. */
export function systemStart(ctx: SeedContext): number {
  return toReal(ctx.vStart - 20 * DAY);
}

async function referenceList(session: BulkSession, table: string, items: readonly ReferenceItem[], started: string, extra?: (i: number) => string): Promise<number> {
  const columns = ['id', 'code', 'name_ru', 'name_en', 'sort_order', 'is_archived', 'created_at', 'updated_at', 'version'];
  if (extra) columns.push('monthly_cost');
  return session.copy(table, columns, async (w) => {
    items.forEach((item, i) => {
      const fields = [String(item.id), text(item.code), text(item.nameRu), text(item.nameEn), String(i + 1), 'f', started, started, '1'];
      if (extra) fields.push(extra(i));
      w.push(line(fields));
    });
  });
}

export async function loadReference(ctx: SeedContext, session: BulkSession, passwordHash: string, counts: Record<string, number>): Promise<void> {
  const started = ts(systemStart(ctx));
  counts.organisation = await session.copy(
    'organisation',
    ['id', 'name', 'time_zone', 'currency', 'created_at', 'updated_at', ...Object.keys(ORGANISATION_REQUISITES)],
    async (w) => {
      w.push(line([String(ORGANISATION.id), text(ORGANISATION.name), ORGANISATION.timeZone, ORGANISATION.currency, started, started, ...Object.values(ORGANISATION_REQUISITES).map(text)]));
    },
  );

  counts.teams = await session.copy('teams', ['id', 'name', 'head_id', 'created_at', 'updated_at', 'version'], async (w) => {
    for (const team of ctx.staff.teams) w.push(line([String(team.id), text(team.name), String(team.headId), started, started, '1']));
  });

  const rng = new Rng();
  const deactivated = toReal(ctx.vDeactivated);
  counts.users = await session.copy(
    'users',
    ['id', 'email', 'name', 'password_hash', 'role', 'team_id', 'locale', 'phone', 'is_active', 'deactivated_at', 'created_at', 'updated_at', 'version'],
    async (w) => {
      for (const user of ctx.staff.roster) {
        rng.at(ctx.seed, STREAM.staff, user.id * 2 + 2);
        const team = user.team === null ? null : ctx.staff.teams[user.team]!;
        const region = REGIONS.find((r) => r.name === team?.name) ?? REGIONS[0]!;
        const code = rng.pick(region.phoneCodes);
        const phone = user.role === 'admin' ? null : formatPhone(nationalNumber(rng, code), code.length);
        w.push(
          line([
            String(user.id),
            text(user.email),
            text(user.name),
            text(passwordHash),
            user.role,
            ref(team?.id ?? 0),
            NULL,
            text(phone),
            bool(!user.former),
            user.former ? ts(deactivated) : NULL,
            started,
            user.former ? ts(deactivated) : started,
            user.former ? '2' : '1',
          ]),
        );
      }
    },
  );

  // Advertising costs grow with the lead flow, so cost per lead stays realistic at any scale.
  const costScale = Math.max(1, ctx.params.leads / 3000);
  counts.lead_sources = await referenceList(session, 'lead_sources', LEAD_SOURCES, started, (i) => {
    const cost = LEAD_SOURCES[i]!.monthlyCost;
    return cost === null ? NULL : money(Math.round(cost * costScale) * 100);
  });
  counts.junk_reasons = await referenceList(session, 'junk_reasons', JUNK_REASONS, started);
  counts.loss_reasons = await referenceList(session, 'loss_reasons', LOSS_REASONS, started);

  counts.pipelines = await session.copy('pipelines', ['id', 'name', 'sort_order', 'is_archived', 'created_at', 'updated_at', 'version'], async (w) => {
    for (const p of PIPELINES) w.push(line([String(p.id), text(p.name), String(p.sortOrder), 'f', started, started, '1']));
  });
  counts.stages = await session.copy(
    'stages',
    ['id', 'pipeline_id', 'name', 'sort_order', 'kind', 'probability', 'created_at', 'updated_at', 'version'],
    async (w) => {
      for (const p of PIPELINES) {
        for (const s of p.stages) {
          w.push(line([String(s.id), String(p.id), text(s.name), String(s.sortOrder), s.kind, int(s.probability), started, started, '1']));
        }
      }
    },
  );
  counts.products = await session.copy(
    'products',
    ['id', 'name', 'sku', 'unit', 'price', 'currency', 'vat_rate', 'is_archived', 'created_at', 'updated_at', 'version'],
    async (w) => {
      for (const p of PRODUCTS) {
        w.push(line([String(p.id), text(p.name), text(p.sku), text(p.unit), money(p.price), 'RUB', String(p.vatRate), 'f', started, started, '1']));
      }
    },
  );
}
