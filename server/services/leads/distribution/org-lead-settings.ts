import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';

export interface LeadSettings {
  firstTaskDelayMinutes: number;
  responseSlaMinutes: number;
}

/** The organisation's lead settings (defaults when the organisation row is not there yet). */
export async function leadSettings(tx: Database): Promise<LeadSettings> {
  const [row] = rowsOf<{ first_task_delay_minutes: number; lead_response_sla_minutes: number }>(
    await tx.execute(sql`select first_task_delay_minutes, lead_response_sla_minutes from organisation where id = 1`),
  );
  return { firstTaskDelayMinutes: row?.first_task_delay_minutes ?? 15, responseSlaMinutes: row?.lead_response_sla_minutes ?? 30 };
}

export function minutesAfter(moment: Date, minutes: number): Date {
  return new Date(moment.getTime() + minutes * 60_000);
}
