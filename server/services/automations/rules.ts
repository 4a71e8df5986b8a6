import { sql, type SQL } from 'drizzle-orm';

/**
 * The follow-up rules of the sales standard (DESIGN.md §3). Each is one set-based INSERT of
 * tasks keyed by `automation_key` with ON CONFLICT DO NOTHING, so running a rule twice — or on
 * two servers at once — can never create a task twice. Windows keep a first run from
 * back-filling years of history.
 */
export interface AutomationRule {
  name: string;
  /** Inserts the due tasks; returns the new tasks' ids and their deals' ids. */
  insert: (now: string) => SQL;
}

export const AUTOMATION_RULES: AutomationRule[] = [
  {
    // A commercial offer sent 7 days ago with no answer: call the client.
    name: 'proposal-follow-up',
    insert: (now) => sql`
      insert into activities (kind, subject, due_at, owner_id, deal_id, contact_id, company_id, automation_key)
      select 'call', 'Позвонить клиенту: ответ на КП №' || p.number, ${now}::timestamptz,
             d.owner_id, d.id, d.contact_id, d.company_id, 'proposal-follow-up:' || v.id
      from proposal_versions v
      join proposals p on p.id = v.proposal_id
      join deals d on d.id = p.deal_id
      where v.status = 'sent' and v.answered_at is null
        and v.sent_at <= ${now}::timestamptz - interval '7 days'
        and v.sent_at > ${now}::timestamptz - interval '37 days'
        and d.status = 'open'
      on conflict (automation_key) where automation_key is not null do nothing
      returning id, deal_id`,
  },
  {
    // 15 days after a win: ask the client for feedback (unless feedback is already there).
    name: 'feedback-request',
    insert: (now) => sql`
      insert into activities (kind, subject, due_at, owner_id, deal_id, contact_id, company_id, automation_key)
      select 'task', 'Собрать отзыв клиента', ${now}::timestamptz,
             d.owner_id, d.id, d.contact_id, d.company_id, 'feedback-request:' || d.id
      from deals d
      join users u on u.id = d.owner_id and u.is_active
      where d.status = 'won'
        and d.closed_at <= ${now}::timestamptz - interval '15 days'
        and d.closed_at > ${now}::timestamptz - interval '45 days'
        and not exists (select 1 from feedback f where f.deal_id = d.id)
      on conflict (automation_key) where automation_key is not null do nothing
      returning id, deal_id`,
  },
  {
    // A deal entered a stage that has a default task, and has no open task: give its owner one.
    name: 'stage-default-task',
    insert: (now) => sql`
      insert into activities (kind, subject, due_at, owner_id, deal_id, contact_id, company_id, automation_key)
      select 'task', s.default_task_subject, d.stage_entered_at + make_interval(hours => s.default_task_due_hours),
             d.owner_id, d.id, d.contact_id, d.company_id,
             'stage-default-task:' || d.id || ':' || s.id || ':' || extract(epoch from d.stage_entered_at)::bigint
      from deals d
      join stages s on s.id = d.stage_id
      where d.status = 'open' and d.open_task_count = 0
        and s.default_task_subject is not null
        and d.stage_entered_at > ${now}::timestamptz - interval '7 days'
      on conflict (automation_key) where automation_key is not null do nothing
      returning id, deal_id`,
  },
];
