CREATE TABLE "activity_daily" (
	"owner_id" integer NOT NULL,
	"day" date NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"calls_in" integer DEFAULT 0 NOT NULL,
	"calls_out" integer DEFAULT 0 NOT NULL,
	"talk_seconds" integer DEFAULT 0 NOT NULL,
	"meetings" integer DEFAULT 0 NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	"tasks_done" integer DEFAULT 0 NOT NULL,
	"planned_due" integer DEFAULT 0 NOT NULL,
	"planned_late" integer DEFAULT 0 NOT NULL,
	"planned_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_daily_owner_id_day_pk" PRIMARY KEY("owner_id","day")
);
--> statement-breakpoint
CREATE TABLE "lead_response_daily" (
	"owner_id" integer NOT NULL,
	"day" date NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_us" bigint DEFAULT 0 NOT NULL,
	"response_0_5m" integer DEFAULT 0 NOT NULL,
	"response_5m_15m" integer DEFAULT 0 NOT NULL,
	"response_15m_30m" integer DEFAULT 0 NOT NULL,
	"response_30m_1h" integer DEFAULT 0 NOT NULL,
	"response_1h_2h" integer DEFAULT 0 NOT NULL,
	"response_2h_4h" integer DEFAULT 0 NOT NULL,
	"response_4h_8h" integer DEFAULT 0 NOT NULL,
	"response_8h_1d" integer DEFAULT 0 NOT NULL,
	"response_1d_2d" integer DEFAULT 0 NOT NULL,
	"response_2d_7d" integer DEFAULT 0 NOT NULL,
	"response_7d_plus" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_response_daily_owner_id_day_pk" PRIMARY KEY("owner_id","day")
);
--> statement-breakpoint
CREATE INDEX "activity_daily_open_idx" ON "activity_daily" USING btree ("owner_id","day") WHERE "activity_daily"."planned_open" > 0;--> statement-breakpoint
-- The primary keys carry every figure (INCLUDE): a team's or a manager's rows are read by an
-- index-only scan of their owners' ranges, whatever order the rows have in the heap.
ALTER TABLE "activity_daily" DROP CONSTRAINT "activity_daily_owner_id_day_pk",
  ADD CONSTRAINT "activity_daily_owner_id_day_pk" PRIMARY KEY ("owner_id", "day")
  INCLUDE ("calls", "calls_in", "calls_out", "talk_seconds", "meetings", "emails", "tasks_done", "planned_due", "planned_late", "planned_open");
--> statement-breakpoint
ALTER TABLE "lead_response_daily" DROP CONSTRAINT "lead_response_daily_owner_id_day_pk",
  ADD CONSTRAINT "lead_response_daily_owner_id_day_pk" PRIMARY KEY ("owner_id", "day")
  INCLUDE ("leads", "responded", "response_us", "response_0_5m", "response_5m_15m", "response_15m_30m", "response_30m_1h", "response_1h_2h",
           "response_2h_4h", "response_4h_8h", "response_8h_1d", "response_1d_2d", "response_2d_7d", "response_7d_plus");
--> statement-breakpoint
-- Today's rows change all day: frequent vacuums keep the visibility map (index-only scans) current.
ALTER TABLE "activity_daily" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE "lead_response_daily" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
-- ─── Activity report summaries (DESIGN.md §5, §7) ───────────────────────────────────────────────
-- activity_daily and lead_response_daily are kept current by the statement-level triggers below,
-- in the same transaction as any write to activities / leads, whichever code path makes it
-- (services, lead intake and distribution, automations, merges and their undo, imports, plain SQL).
-- Each write adds its rows' figures (+1) and takes away the replaced ones' (−1), per owner and
-- org-local day; rows that fall to all zeros are deleted, so the tables equal a recompute exactly.
-- The org-local day follows organisation.time_zone: a change of it rebuilds both tables (trigger
-- at the end). A bulk load sets voronka.bulk_load = 'on' (the triggers stand aside) and then calls
-- the *_rebuild() functions, as `npm run db:repair-summaries` does; the seed also drops the
-- triggers on activities while it copies them (see db/summaries/activity-daily.ts).
CREATE FUNCTION activity_summaries_time_zone() RETURNS text LANGUAGE sql STABLE AS $$
  select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow')
$$;
--> statement-breakpoint
-- The columns of an activity the summary reads.
CREATE TYPE activity_daily_source AS (owner_id integer, kind text, direction text, duration_sec integer, due_at timestamptz, done_at timestamptz);
--> statement-breakpoint
-- One activity's contribution (times `sign`): to the day it was done, and to the day it was due.
-- Every cell it gives has a non-zero figure (a done note counts nowhere), so sums have no empty rows.
CREATE FUNCTION activity_daily_cells(a activity_daily_source, sign integer, tz text) RETURNS SETOF activity_daily
LANGUAGE sql STABLE AS $$
  select a.owner_id, (a.done_at at time zone tz)::date,
         sign * (a.kind = 'call')::int,
         sign * (a.kind = 'call' and a.direction is not distinct from 'in')::int,
         sign * (a.kind = 'call' and a.direction is not distinct from 'out')::int,
         sign * (case when a.kind = 'call' then coalesce(a.duration_sec, 0) else 0 end),
         sign * (a.kind = 'meeting')::int,
         sign * (a.kind = 'email')::int,
         sign * (a.kind = 'task')::int,
         0, 0, 0
  where a.done_at is not null and a.kind in ('call', 'meeting', 'email', 'task')
  union all
  select a.owner_id, (a.due_at at time zone tz)::date, 0, 0, 0, 0, 0, 0, 0,
         sign,
         sign * coalesce(a.done_at > a.due_at, false)::int,
         sign * (a.done_at is null)::int
  where a.due_at is not null
$$;
--> statement-breakpoint
-- Adds the figures of `added` activities and takes away those of `removed` ones.
CREATE FUNCTION activity_daily_apply(added activity_daily_source[], removed activity_daily_source[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := activity_summaries_time_zone();
  emptied_owners integer[];
  emptied_days date[];
BEGIN
  WITH changes AS (
    SELECT c.* FROM unnest(added) a CROSS JOIN LATERAL activity_daily_cells(a, 1, tz) c
    UNION ALL
    SELECT c.* FROM unnest(removed) r CROSS JOIN LATERAL activity_daily_cells(r, -1, tz) c
  ), delta AS (
    SELECT owner_id, day, sum(calls)::int AS calls, sum(calls_in)::int AS calls_in, sum(calls_out)::int AS calls_out,
           sum(talk_seconds)::int AS talk_seconds, sum(meetings)::int AS meetings, sum(emails)::int AS emails,
           sum(tasks_done)::int AS tasks_done, sum(planned_due)::int AS planned_due, sum(planned_late)::int AS planned_late,
           sum(planned_open)::int AS planned_open
    FROM changes GROUP BY owner_id, day
  ), upserted AS (
    -- In key order, so two transactions touching the same rows lock them in the same order.
    INSERT INTO activity_daily AS d
    SELECT * FROM delta
    WHERE (calls, calls_in, calls_out, talk_seconds, meetings, emails, tasks_done, planned_due, planned_late, planned_open)
          <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY owner_id, day
    ON CONFLICT (owner_id, day) DO UPDATE SET
      calls = d.calls + excluded.calls, calls_in = d.calls_in + excluded.calls_in, calls_out = d.calls_out + excluded.calls_out,
      talk_seconds = d.talk_seconds + excluded.talk_seconds, meetings = d.meetings + excluded.meetings,
      emails = d.emails + excluded.emails, tasks_done = d.tasks_done + excluded.tasks_done,
      planned_due = d.planned_due + excluded.planned_due, planned_late = d.planned_late + excluded.planned_late,
      planned_open = d.planned_open + excluded.planned_open
    RETURNING d.owner_id, d.day,
      (d.calls, d.calls_in, d.calls_out, d.talk_seconds, d.meetings, d.emails, d.tasks_done, d.planned_due, d.planned_late, d.planned_open)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0) AS empty
  )
  SELECT array_agg(owner_id), array_agg(day) INTO emptied_owners, emptied_days FROM upserted WHERE empty;
  IF emptied_owners IS NOT NULL THEN
    DELETE FROM activity_daily d USING unnest(emptied_owners, emptied_days) AS e(owner_id, day)
    WHERE d.owner_id = e.owner_id AND d.day = e.day;
  END IF;
END $$;
--> statement-breakpoint
-- One trigger function for the three statement-level triggers (each has its own transition tables).
-- An update passes on only the rows whose summarised columns changed.
CREATE FUNCTION activity_daily_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk load (voronka.bulk_load = 'on') computes the summaries once at its end.
  IF current_setting('voronka.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM activity_daily_apply(
      array(SELECT row(n.owner_id, n.kind, n.direction, n.duration_sec, n.due_at, n.done_at)::activity_daily_source FROM new_rows n),
      '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM activity_daily_apply(
      '{}',
      array(SELECT row(o.owner_id, o.kind, o.direction, o.duration_sec, o.due_at, o.done_at)::activity_daily_source FROM old_rows o));
  ELSE
    PERFORM activity_daily_apply(
      array(SELECT row(n.owner_id, n.kind, n.direction, n.duration_sec, n.due_at, n.done_at)::activity_daily_source FROM new_rows n
            WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id
              AND row(o.owner_id, o.kind, o.direction, o.duration_sec, o.due_at, o.done_at)
                  IS NOT DISTINCT FROM row(n.owner_id, n.kind, n.direction, n.duration_sec, n.due_at, n.done_at))),
      array(SELECT row(o.owner_id, o.kind, o.direction, o.duration_sec, o.due_at, o.done_at)::activity_daily_source FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id
              AND row(o.owner_id, o.kind, o.direction, o.duration_sec, o.due_at, o.done_at)
                  IS NOT DISTINCT FROM row(n.owner_id, n.kind, n.direction, n.duration_sec, n.due_at, n.done_at))));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_daily_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_sync();
--> statement-breakpoint
CREATE TRIGGER activity_daily_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_sync();
--> statement-breakpoint
CREATE TRIGGER activity_daily_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_sync();
--> statement-breakpoint
CREATE FUNCTION activity_daily_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE activity_daily;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_daily_truncate AFTER TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION activity_daily_on_truncate();
--> statement-breakpoint
-- Recomputes activity_daily from every activity (set-based); returns how many (owner, day) rows
-- were wrong (missing, extra or different). Writers wait meanwhile, so nothing slips between.
CREATE FUNCTION activity_daily_rebuild() RETURNS integer LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  tz text := activity_summaries_time_zone();
  differed integer;
BEGIN
  LOCK TABLE activities IN SHARE MODE;
  CREATE TEMP TABLE activity_daily_fresh (LIKE activity_daily) ON COMMIT DROP;
  INSERT INTO activity_daily_fresh
  SELECT c.owner_id, c.day, sum(c.calls), sum(c.calls_in), sum(c.calls_out), sum(c.talk_seconds), sum(c.meetings), sum(c.emails),
         sum(c.tasks_done), sum(c.planned_due), sum(c.planned_late), sum(c.planned_open)
  FROM activities a
  CROSS JOIN LATERAL activity_daily_cells(row(a.owner_id, a.kind, a.direction, a.duration_sec, a.due_at, a.done_at)::activity_daily_source, 1, tz) c
  GROUP BY c.owner_id, c.day;
  SELECT count(*) INTO differed
  FROM activity_daily_fresh f FULL JOIN activity_daily d ON d.owner_id = f.owner_id AND d.day = f.day
  WHERE row(f.*) IS DISTINCT FROM row(d.*);
  IF differed > 0 THEN
    DELETE FROM activity_daily d WHERE NOT EXISTS (
      SELECT 1 FROM activity_daily_fresh f WHERE f.owner_id = d.owner_id AND f.day = d.day AND row(f.*) = row(d.*));
    INSERT INTO activity_daily SELECT f.* FROM activity_daily_fresh f
    WHERE NOT EXISTS (SELECT 1 FROM activity_daily d WHERE d.owner_id = f.owner_id AND d.day = f.day);
  END IF;
  DROP TABLE activity_daily_fresh;
  RETURN differed;
END $$;
--> statement-breakpoint
-- The response-time band of lead_response_daily (0 … 10) for a number of seconds; the edges are
-- RESPONSE_BAND_EDGES in db/schema/activity-summaries.ts.
CREATE FUNCTION lead_response_band(seconds numeric) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  select width_bucket(seconds, array[300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800]::numeric[])
$$;
--> statement-breakpoint
CREATE TYPE lead_response_source AS (owner_id integer, created_at timestamptz, first_activity_at timestamptz);
--> statement-breakpoint
-- One lead's contribution (times `sign`) to the day it was created; leads without an owner count nowhere.
CREATE FUNCTION lead_response_cells(l lead_response_source, sign integer, tz text) RETURNS SETOF lead_response_daily
LANGUAGE sql STABLE AS $$
  select l.owner_id, (l.created_at at time zone tz)::date, sign, sign * (l.first_activity_at is not null)::int,
         sign * coalesce((extract(epoch from l.first_activity_at - l.created_at) * 1000000)::bigint, 0),
         sign * coalesce(b.band = 0, false)::int, sign * coalesce(b.band = 1, false)::int, sign * coalesce(b.band = 2, false)::int,
         sign * coalesce(b.band = 3, false)::int, sign * coalesce(b.band = 4, false)::int, sign * coalesce(b.band = 5, false)::int,
         sign * coalesce(b.band = 6, false)::int, sign * coalesce(b.band = 7, false)::int, sign * coalesce(b.band = 8, false)::int,
         sign * coalesce(b.band = 9, false)::int, sign * coalesce(b.band = 10, false)::int
  from (select lead_response_band(extract(epoch from l.first_activity_at - l.created_at)) as band) b
  where l.owner_id is not null
$$;
--> statement-breakpoint
CREATE FUNCTION lead_response_daily_apply(added lead_response_source[], removed lead_response_source[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := activity_summaries_time_zone();
  emptied_owners integer[];
  emptied_days date[];
BEGIN
  WITH changes AS (
    SELECT c.* FROM unnest(added) a CROSS JOIN LATERAL lead_response_cells(a, 1, tz) c
    UNION ALL
    SELECT c.* FROM unnest(removed) r CROSS JOIN LATERAL lead_response_cells(r, -1, tz) c
  ), delta AS (
    SELECT owner_id, day, sum(leads)::int AS leads, sum(responded)::int AS responded, sum(response_us)::bigint AS response_us,
           sum(response_0_5m)::int AS response_0_5m, sum(response_5m_15m)::int AS response_5m_15m,
           sum(response_15m_30m)::int AS response_15m_30m, sum(response_30m_1h)::int AS response_30m_1h,
           sum(response_1h_2h)::int AS response_1h_2h, sum(response_2h_4h)::int AS response_2h_4h,
           sum(response_4h_8h)::int AS response_4h_8h, sum(response_8h_1d)::int AS response_8h_1d,
           sum(response_1d_2d)::int AS response_1d_2d, sum(response_2d_7d)::int AS response_2d_7d,
           sum(response_7d_plus)::int AS response_7d_plus
    FROM changes GROUP BY owner_id, day
  ), upserted AS (
    -- Zero counts with a non-zero time sum cannot happen: the time moves only with a responded lead.
    INSERT INTO lead_response_daily AS d
    SELECT * FROM delta
    WHERE (leads, responded, response_us) <> (0, 0, 0)
       OR (response_0_5m, response_5m_15m, response_15m_30m, response_30m_1h, response_1h_2h, response_2h_4h,
           response_4h_8h, response_8h_1d, response_1d_2d, response_2d_7d, response_7d_plus) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY owner_id, day
    ON CONFLICT (owner_id, day) DO UPDATE SET
      leads = d.leads + excluded.leads, responded = d.responded + excluded.responded,
      response_us = d.response_us + excluded.response_us,
      response_0_5m = d.response_0_5m + excluded.response_0_5m, response_5m_15m = d.response_5m_15m + excluded.response_5m_15m,
      response_15m_30m = d.response_15m_30m + excluded.response_15m_30m, response_30m_1h = d.response_30m_1h + excluded.response_30m_1h,
      response_1h_2h = d.response_1h_2h + excluded.response_1h_2h, response_2h_4h = d.response_2h_4h + excluded.response_2h_4h,
      response_4h_8h = d.response_4h_8h + excluded.response_4h_8h, response_8h_1d = d.response_8h_1d + excluded.response_8h_1d,
      response_1d_2d = d.response_1d_2d + excluded.response_1d_2d, response_2d_7d = d.response_2d_7d + excluded.response_2d_7d,
      response_7d_plus = d.response_7d_plus + excluded.response_7d_plus
    RETURNING d.owner_id, d.day, d.leads = 0 AND d.responded = 0 AND d.response_us = 0 AS empty
  )
  SELECT array_agg(owner_id), array_agg(day) INTO emptied_owners, emptied_days FROM upserted WHERE empty;
  IF emptied_owners IS NOT NULL THEN
    DELETE FROM lead_response_daily d USING unnest(emptied_owners, emptied_days) AS e(owner_id, day)
    WHERE d.owner_id = e.owner_id AND d.day = e.day;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION lead_response_daily_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk load (voronka.bulk_load = 'on') computes the summaries once at its end.
  IF current_setting('voronka.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM lead_response_daily_apply(
      array(SELECT row(n.owner_id, n.created_at, n.first_activity_at)::lead_response_source FROM new_rows n WHERE n.owner_id IS NOT NULL),
      '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM lead_response_daily_apply(
      '{}',
      array(SELECT row(o.owner_id, o.created_at, o.first_activity_at)::lead_response_source FROM old_rows o WHERE o.owner_id IS NOT NULL));
  ELSE
    PERFORM lead_response_daily_apply(
      array(SELECT row(n.owner_id, n.created_at, n.first_activity_at)::lead_response_source FROM new_rows n
            WHERE n.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id
              AND row(o.owner_id, o.created_at, o.first_activity_at) IS NOT DISTINCT FROM row(n.owner_id, n.created_at, n.first_activity_at))),
      array(SELECT row(o.owner_id, o.created_at, o.first_activity_at)::lead_response_source FROM old_rows o
            WHERE o.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id
              AND row(o.owner_id, o.created_at, o.first_activity_at) IS NOT DISTINCT FROM row(n.owner_id, n.created_at, n.first_activity_at))));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lead_response_daily_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_response_daily_sync();
--> statement-breakpoint
CREATE TRIGGER lead_response_daily_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_response_daily_sync();
--> statement-breakpoint
CREATE TRIGGER lead_response_daily_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_response_daily_sync();
--> statement-breakpoint
CREATE FUNCTION lead_response_daily_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE lead_response_daily;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lead_response_daily_truncate AFTER TRUNCATE ON leads FOR EACH STATEMENT EXECUTE FUNCTION lead_response_daily_on_truncate();
--> statement-breakpoint
CREATE FUNCTION lead_response_daily_rebuild() RETURNS integer LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  tz text := activity_summaries_time_zone();
  differed integer;
BEGIN
  LOCK TABLE leads IN SHARE MODE;
  CREATE TEMP TABLE lead_response_daily_fresh (LIKE lead_response_daily) ON COMMIT DROP;
  INSERT INTO lead_response_daily_fresh
  SELECT c.owner_id, c.day, sum(c.leads), sum(c.responded), sum(c.response_us),
         sum(c.response_0_5m), sum(c.response_5m_15m), sum(c.response_15m_30m), sum(c.response_30m_1h), sum(c.response_1h_2h),
         sum(c.response_2h_4h), sum(c.response_4h_8h), sum(c.response_8h_1d), sum(c.response_1d_2d), sum(c.response_2d_7d),
         sum(c.response_7d_plus)
  FROM leads l
  CROSS JOIN LATERAL lead_response_cells(row(l.owner_id, l.created_at, l.first_activity_at)::lead_response_source, 1, tz) c
  WHERE l.owner_id IS NOT NULL
  GROUP BY c.owner_id, c.day;
  SELECT count(*) INTO differed
  FROM lead_response_daily_fresh f FULL JOIN lead_response_daily d ON d.owner_id = f.owner_id AND d.day = f.day
  WHERE row(f.*) IS DISTINCT FROM row(d.*);
  IF differed > 0 THEN
    DELETE FROM lead_response_daily d WHERE NOT EXISTS (
      SELECT 1 FROM lead_response_daily_fresh f WHERE f.owner_id = d.owner_id AND f.day = d.day AND row(f.*) = row(d.*));
    INSERT INTO lead_response_daily SELECT f.* FROM lead_response_daily_fresh f
    WHERE NOT EXISTS (SELECT 1 FROM lead_response_daily d WHERE d.owner_id = f.owner_id AND d.day = f.day);
  END IF;
  DROP TABLE lead_response_daily_fresh;
  RETURN differed;
END $$;
--> statement-breakpoint
-- The org-local day moves with the organisation's time zone: a change rebuilds both summaries.
CREATE FUNCTION activity_summaries_on_time_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk load (voronka.bulk_load = 'on') computes the summaries once at its end.
  IF current_setting('voronka.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM activity_daily_rebuild();
  PERFORM lead_response_daily_rebuild();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_summaries_time_zone AFTER UPDATE OF time_zone ON organisation
  FOR EACH ROW WHEN (old.time_zone IS DISTINCT FROM new.time_zone) EXECUTE FUNCTION activity_summaries_on_time_zone();
--> statement-breakpoint
CREATE TRIGGER activity_summaries_time_zone_set AFTER INSERT OR DELETE ON organisation
  FOR EACH ROW EXECUTE FUNCTION activity_summaries_on_time_zone();
--> statement-breakpoint
-- Existing data: fill both tables once.
SELECT activity_daily_rebuild();
--> statement-breakpoint
SELECT lead_response_daily_rebuild();
