/** How a deal is named: a topic from its pipeline and the client («Внедрение CRM — ООО "Техностиль"»). */
import { companyName, contactProfile } from './client-profiles';
import type { ClientsPlan } from './clients-plan';
import type { SeedContext } from './context';
import type { DealsPlan } from './deals-plan';
import { Rng, STREAM } from './random';
import { SALES_DEAL_TOPICS, SERVICE_DEAL_TOPICS } from './vocabulary-sales';

const rng = new Rng();

/** «Смирнова А.» for a private client. */
export function contactShortName(ctx: SeedContext, clients: ClientsPlan, j: number): string {
  const p = contactProfile(ctx, clients, j);
  return `${p.lastName} ${p.firstName.charAt(0)}.`;
}

export function clientDisplayName(ctx: SeedContext, clients: ClientsPlan, deals: DealsPlan, d: number): string {
  const company = deals.company[d]!;
  return company >= 0 ? companyName(ctx, company).name : contactShortName(ctx, clients, deals.contact[d]!);
}

export function dealTitle(ctx: SeedContext, clients: ClientsPlan, deals: DealsPlan, d: number): string {
  rng.at(ctx.seed, STREAM.dealRow, d);
  const topic = rng.pick(deals.pipeline[d] === 1 ? SERVICE_DEAL_TOPICS : SALES_DEAL_TOPICS);
  return `${topic} — ${clientDisplayName(ctx, clients, deals, d)}`;
}
