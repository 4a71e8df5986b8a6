import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { buildScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { addCalendarDay, getCalendarYear, removeCalendarDay } from './calendar-days';
import { buildWorkCalendar, workingDaysBetween } from './work-calendar';

describe('the fallback calendar (no rows for the year)', () => {
  const calendar = buildWorkCalendar([]);
  it('is Monday–Friday minus the fixed holidays', () => {
    // January 2030: 23 weekdays, of them Jan 1–4 and 7–8 are holidays (5–6 are a weekend).
    expect(calendar.workingDaysBetween('2030-01-01', '2030-02-01')).toBe(17);
    expect(calendar.isWorkingDay('2030-03-08')).toBe(false);
    expect(calendar.isWorkingDay('2030-03-11')).toBe(true);
    expect(calendar.isWorkingDay('2030-03-09')).toBe(false);
  });
  it('counts a half-open range', () => {
    expect(calendar.workingDaysBetween('2030-03-11', '2030-03-11')).toBe(0);
    expect(calendar.workingDaysBetween('2030-03-11', '2030-03-18')).toBe(5);
  });
});

describe.each(DRIVERS)('the production calendar on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('holds the official Russian years: 247 working days in 2025 and in 2026', async () => {
    const { db } = database();
    expect(await workingDaysBetween(db, '2025-01-01', '2026-01-01')).toBe(247);
    expect(await workingDaysBetween(db, '2026-01-01', '2027-01-01')).toBe(247);
    // May 2025: 1–4 and 8–11 off; Saturday Nov 1 2025 worked, Nov 3–4 off.
    expect(await workingDaysBetween(db, '2025-05-01', '2025-06-01')).toBe(18);
    expect(await workingDaysBetween(db, '2025-11-01', '2025-11-08')).toBe(4);
    // Across two years: Dec 28–30 worked, Dec 31 2026 and Jan 1, 4–8 2027 off.
    expect(await workingDaysBetween(db, '2026-12-28', '2027-01-11')).toBe(3);
  });

  it('lets the admin add and remove exceptions, audited; a fallback year keeps its fixed holidays', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const ctx = { db, actor: f.admin };
      const before = await getCalendarYear(ctx, { year: 2030 });
      expect(before).toMatchObject({ fallback: true, days: [] });
      const { id } = await addCalendarDay(ctx, { day: '2030-03-09', kind: 'working', note: 'Transfer' });
      const after = await getCalendarYear(ctx, { year: 2030 });
      expect(after.fallback).toBe(false);
      // The first day written the fixed weekday holidays too, so the year lost nothing but gained a Saturday.
      expect(after.workingDays).toBe(before.workingDays + 1);
      expect(after.days.find((d) => d.day === '2030-01-01')).toMatchObject({ kind: 'holiday' });
      await expect(addCalendarDay(ctx, { day: '2030-03-09', kind: 'holiday' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await removeCalendarDay(ctx, { id });
      expect((await getCalendarYear(ctx, { year: 2030 })).workingDays).toBe(before.workingDays);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'calendar_day'), eq(auditLog.entityId, id)));
      expect(audits.map((a) => a.action).sort()).toEqual(['calendar_day.create', 'calendar_day.delete']);
      await expect(addCalendarDay(ctx, { day: '2030-02-30', kind: 'holiday' })).rejects.toThrow(/day/);
      for (const actor of [f.headA, f.managerA1, f.executive]) {
        await expect(addCalendarDay({ db, actor }, { day: '2030-05-05', kind: 'holiday' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(getCalendarYear({ db, actor }, { year: 2030 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    }));
});
