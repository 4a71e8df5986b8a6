/** Lead rows: the person as typed into a form, source and UTM tags, and what the lead became. */
import { toReal } from './business-clock';
import type { BulkSession } from './bulk-loader';
import { companyName, leadPerson } from './client-profiles';
import type { ClientsPlan } from './clients-plan';
import type { SeedContext } from './context';
import { NULL, line, ref, text, ts } from './copy-text';
import type { LeadsPlan } from './leads-plan';
import { LEAD_CONVERTED, LEAD_JUNK, LEAD_NEW, LEAD_STATUS_NAMES } from './leads-plan';
import { typedPhone } from './phone';
import { Rng, STREAM } from './random';
import { JUNK_ID, LEAD_SOURCES } from './reference-data';
import {
  JUNK_COMMENTS,
  LEAD_COMMENTS,
  LEAD_TITLES,
  UTM_CAMPAIGNS,
  UTM_MEDIUMS,
  UTM_SOURCES,
  UTM_TERMS,
} from './vocabulary-sales';

const LEAD_COLUMNS = [
  'id', 'title', 'person_name', 'phone', 'email', 'phone_normalized', 'email_normalized', 'company_name',
  'source_id', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'comment', 'owner_id',
  'team_id', 'status', 'junk_reason_id', 'junk_comment', 'duplicate_of_lead_id', 'converted_contact_id',
  'converted_company_id', 'converted_deal_id', 'converted_at', 'junked_at', 'first_activity_at', 'created_at',
  'updated_at', 'version',
] as const;

const WITH_UTM = new Set(['website', 'advertising']);

export async function loadLeads(
  ctx: SeedContext,
  session: BulkSession,
  clients: ClientsPlan,
  leads: LeadsPlan,
  firstActivity: Float64Array,
): Promise<number> {
  const rng = new Rng();
  return session.copy('leads', LEAD_COLUMNS, async (w) => {
    for (let i = 0; i < leads.count; i++) {
      rng.at(ctx.seed, STREAM.leadRow, i);
      const status = leads.status[i]!;
      const person = leadPerson(ctx, clients, leads.personKey[i]!);
      const company = leads.company[i]!;
      const firm = company >= 0 ? companyName(ctx, company).name : person.companyName;
      const source = LEAD_SOURCES[leads.source[i]! - 1]!;
      const phone = person.phone ? typedPhone(person.phone, rng.int(0, 3)) : null;
      const email = person.email && rng.chance(0.15) ? person.email.charAt(0).toUpperCase() + person.email.slice(1) : person.email;
      const utm = WITH_UTM.has(source.code) && rng.chance(0.8);
      const created = toReal(leads.vCreated[i]!);
      const end = Number.isNaN(leads.vEnd[i]!) ? NaN : toReal(leads.vEnd[i]!);
      const converted = status === LEAD_CONVERTED;
      const junk = status === LEAD_JUNK;
      const owner = leads.owner[i]!;
      const first = firstActivity[i]!;
      const updated = Math.max(created, Number.isNaN(end) ? created : end, Number.isNaN(first) ? created : first);
      const row = line([
        String(i + 1),
        text(`${LEAD_TITLES[source.code] ?? 'Заявка'}: ${firm ?? person.name}`),
        text(person.name),
        text(phone),
        text(email),
        person.phone ? `+7${person.phone}` : NULL,
        text(person.email?.toLowerCase()),
        text(firm),
        String(source.id),
        utm ? text(rng.pick(UTM_SOURCES)) : NULL,
        utm ? text(rng.pick(UTM_MEDIUMS)) : NULL,
        utm ? text(rng.pick(UTM_CAMPAIGNS)) : NULL,
        utm && rng.chance(0.5) ? text(`ad_${rng.int(1, 12)}`) : NULL,
        utm && rng.chance(0.6) ? text(rng.pick(UTM_TERMS)) : NULL,
        rng.chance(0.3) ? text(rng.pick(LEAD_COMMENTS)) : NULL,
        String(owner),
        ref(ctx.staff.teamOfUser[owner]!),
        LEAD_STATUS_NAMES[status]!,
        junk ? String(leads.junkReason[i]!) : NULL,
        junk && leads.junkReason[i] !== JUNK_ID.duplicate && rng.chance(0.3) ? text(rng.pick(JUNK_COMMENTS)) : NULL,
        leads.duplicateOf[i]! >= 0 ? String(leads.duplicateOf[i]! + 1) : NULL,
        converted && leads.contact[i]! >= 0 ? String(leads.contact[i]! + 1) : NULL,
        converted && company >= 0 ? String(company + 1) : NULL,
        converted && leads.deal[i]! >= 0 ? String(leads.deal[i]! + 1) : NULL,
        converted ? ts(end) : NULL,
        junk ? ts(end) : NULL,
        ts(first),
        ts(created),
        ts(updated),
        status === LEAD_NEW ? '1' : '2',
      ]);
      if (w.push(row)) await w.drain();
    }
  });
}
