import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { companies, contacts, leads } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import type { ServiceContext } from '../context';
import { loadGroupRecords } from './group-records';
import { duplicateGroupsInput, type DuplicateGroupsInput, type MergeEntity } from './schemas';

/** How many shared keys one look reads: enough for any team; org-wide the newest come first. */
const MAX_KEYS = 5000;

export type MatchKind = 'phone' | 'email' | 'inn';

/**
 * Groups of records in the actor's scope that share a normalised phone, an e-mail or (companies)
 * an INN: open leads, contacts or companies. Records linked through different keys (A and B share
 * a phone, B and C an e-mail) form one group. Newest groups first, a page at a time.
 */
export async function findDuplicateGroups(ctx: ServiceContext, rawInput: DuplicateGroupsInput) {
  const input = duplicateGroupsInput.parse(rawInput);
  const keys = rowsOf<{ k: string; ids: number[] }>(
    await ctx.db.execute(sql`
      select k, jsonb_agg(distinct id) as ids from (${keyRows(ctx.actor, input.entity)}) x
      group by k having count(distinct id) > 1
      order by max(id) desc limit ${MAX_KEYS}`),
  );
  const groups = connectedGroups(keys);
  const page = groups.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const records = await loadGroupRecords(ctx.db, ctx.actor, input.entity, page.flatMap((group) => group.ids));
  return {
    entity: input.entity,
    groups: page.map((group) => ({
      key: `${input.entity}:${group.ids.join('-')}`,
      matchedOn: group.matchedOn,
      records: group.ids.flatMap((id) => records.get(id) ?? []),
    })),
    total: groups.length,
    page: input.page,
    pageSize: input.pageSize,
    /** More shared keys exist than one look reads: merge some and look again. */
    truncated: keys.length === MAX_KEYS,
  };
}

/** (id, key) pairs for every phone, e-mail and INN of the records in scope. */
function keyRows(actor: SessionUser, entity: MergeEntity): SQL {
  switch (entity) {
    case 'lead': {
      const open = sql`${leads.status} in ('new', 'in_progress') and ${ownedWithin(actor, leads.ownerId)}`;
      return sql`
        select id, 'phone:' || phone_normalized as k from leads where phone_normalized <> '' and ${open}
        union all
        select id, 'email:' || email_normalized from leads where email_normalized <> '' and ${open}`;
    }
    case 'contact': {
      const scope = ownedWithin(actor, contacts.ownerId);
      return sql`
        select id, 'phone:' || v as k from contacts cross join lateral unnest(phones_normalized) p(v) where v <> '' and ${scope}
        union all
        select id, 'email:' || v from contacts cross join lateral unnest(emails_normalized) e(v) where v <> '' and ${scope}`;
    }
    case 'company': {
      const scope = ownedWithin(actor, companies.ownerId);
      return sql`
        select id, 'phone:' || v as k from companies cross join lateral unnest(phones_normalized) p(v) where v <> '' and ${scope}
        union all
        select id, 'email:' || v from companies cross join lateral unnest(emails_normalized) e(v) where v <> '' and ${scope}
        union all
        select id, 'inn:' || inn from companies where inn <> '' and ${scope}`;
    }
  }
}

/** Union-find over shared keys: records joined by any chain of shared keys are one group. */
export function connectedGroups(keys: { k: string; ids: number[] }[]): { ids: number[]; matchedOn: MatchKind[] }[] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = id; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const { ids } of keys) {
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]!));
  }
  const groups = new Map<number, { ids: Set<number>; matchedOn: Set<MatchKind> }>();
  for (const { k, ids } of keys) {
    const root = find(ids[0]!);
    const group = groups.get(root) ?? { ids: new Set<number>(), matchedOn: new Set<MatchKind>() };
    for (const id of ids) group.ids.add(id);
    group.matchedOn.add(k.slice(0, k.indexOf(':')) as MatchKind);
    groups.set(root, group);
  }
  return [...groups.values()]
    .map((group) => ({ ids: [...group.ids].sort((a, b) => a - b), matchedOn: [...group.matchedOn].sort() }))
    .sort((a, b) => b.ids.at(-1)! - a.ids.at(-1)!);
}
