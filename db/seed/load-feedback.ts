/** Clients' reviews on some won deals, received two to four weeks after the win. */
import { DAY } from './business-clock';
import type { BulkSession } from './bulk-loader';
import type { SeedContext } from './context';
import { line, ref, text, ts } from './copy-text';
import { DEAL_WON } from './deal-path';
import type { DealsPlan } from './deals-plan';
import { Rng, STREAM } from './random';
import { NEGATIVE_FEEDBACK, POSITIVE_FEEDBACK } from './vocabulary-sales';

export async function loadFeedback(ctx: SeedContext, session: BulkSession, deals: DealsPlan): Promise<number> {
  const rng = new Rng();
  let id = 0;
  return session.copy(
    'feedback',
    ['id', 'deal_id', 'company_id', 'contact_id', 'sentiment', 'text', 'owner_id', 'received_at', 'created_by', 'created_at', 'updated_at', 'version'],
    async (w) => {
      for (let d = 0; d < deals.count; d++) {
        if (deals.status[d] !== DEAL_WON) continue;
        rng.at(ctx.seed, STREAM.feedback, d);
        if (!rng.chance(0.12)) continue;
        const received = deals.closedAt[d]! + (15 + Math.floor(rng.next() * 15)) * DAY + Math.floor(rng.next() * 8 * 3600) * 1000;
        if (received > ctx.now) continue;
        const positive = rng.chance(0.8);
        const at = ts(received);
        const row = line([
          String(++id),
          String(d + 1),
          ref(deals.company[d]! + 1),
          ref(deals.contact[d]! + 1),
          positive ? 'positive' : 'negative',
          text(rng.pick(positive ? POSITIVE_FEEDBACK : NEGATIVE_FEEDBACK)),
          String(deals.owner[d]!),
          at,
          String(deals.owner[d]!),
          at,
          at,
          '1',
        ]);
        if (w.push(row)) await w.drain();
      }
    },
  );
}
