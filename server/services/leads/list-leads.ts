import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { junkReasons, leadSources, leads, users } from '@/db/schema';
import { formatPhone, normalizePhone } from '@/lib/phone';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '../context';
import { dayStart, escapeLike, ownerInTeam } from '../deals/deal-filters';
import { listLeadsInput, type ListLeadsInput } from './schemas';
import { leadVisibleTo } from './lead-visibility';

function leadConditions(actor: SessionUser, filters: ListLeadsInput['filters'] & object): SQL {
  const conditions: (SQL | undefined)[] = [leadVisibleTo(actor)];
  if (filters.status) conditions.push(eq(leads.status, filters.status));
  if (filters.sourceId) conditions.push(eq(leads.sourceId, filters.sourceId));
  if (filters.ownerId) conditions.push(eq(leads.ownerId, filters.ownerId));
  if (filters.createdFrom) conditions.push(gte(leads.createdAt, dayStart(filters.createdFrom)));
  if (filters.createdTo) conditions.push(lt(leads.createdAt, dayStart(filters.createdTo)));
  if (filters.teamId) conditions.push(ownerInTeam(leads.ownerId, filters.teamId));
  if (filters.search) {
    const text = filters.search.trim();
    const pattern = escapeLike(text);
    const phone = normalizePhone(text);
    conditions.push(
      or(
        ilike(leads.title, pattern),
        ilike(leads.personName, pattern),
        ilike(leads.companyName, pattern),
        eq(leads.emailNormalized, text.toLowerCase()),
        phone ? eq(leads.phoneNormalized, phone) : undefined,
      ),
    );
  }
  return and(...conditions)!;
}

/** One page of the leads the actor may see, newest first. */
export async function listLeads(ctx: ServiceContext, rawInput: ListLeadsInput) {
  const input = listLeadsInput.parse(rawInput);
  const where = leadConditions(ctx.actor, input.filters);
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select({
        id: leads.id,
        version: leads.version,
        title: leads.title,
        personName: leads.personName,
        phone: leads.phone,
        email: leads.email,
        companyName: leads.companyName,
        status: leads.status,
        sourceNameRu: leadSources.nameRu,
        sourceNameEn: leadSources.nameEn,
        junkReasonRu: junkReasons.nameRu,
        junkReasonEn: junkReasons.nameEn,
        ownerName: users.name,
        duplicateOfLeadId: leads.duplicateOfLeadId,
        convertedDealId: leads.convertedDealId,
        createdAt: leads.createdAt,
      })
      .from(leads)
      .leftJoin(leadSources, eq(leadSources.id, leads.sourceId))
      .leftJoin(junkReasons, eq(junkReasons.id, leads.junkReasonId))
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(where)
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(leads).where(where),
  ]);
  // Phones are formatted here, so the leads page needs no phone library in the browser.
  const withPhones = items.map((item) => ({ ...item, phoneDisplay: item.phone ? formatPhone(item.phone) : null }));
  return { items: withPhones, total: totals?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
