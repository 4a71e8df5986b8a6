-- Churn summaries per team (team_id 0 = the organisation) and the value at risk on the last spell.
-- Brings a database migrated with 0010_churn_summaries up to the churn branch's final definition.
-- The four summary tables are derived data: they are dropped and created again (team_id is the
-- first column, as the functions' row types expect) and rebuilt from the won deals at the end.
-- The SQL functions returning the tables' row types depend on them, so they go first; functions
-- whose arguments or results changed are dropped and created, the rest replaced.
DROP TRIGGER "deals_churn_update" ON "deals";
--> statement-breakpoint
DROP FUNCTION churn_spells(integer, text, integer[], integer, integer, text, integer);
--> statement-breakpoint
DROP FUNCTION churn_win_months(text, integer[], integer, integer, text, integer);
--> statement-breakpoint
DROP FUNCTION churn_spell_month_counts();
--> statement-breakpoint
DROP FUNCTION churn_cohort_counts();
--> statement-breakpoint
DROP FUNCTION churn_client_wins(text, integer[], integer, integer, text, integer);
--> statement-breakpoint
DROP TABLE "churn_cohort_cells";
--> statement-breakpoint
DROP TABLE "churn_spell_months";
--> statement-breakpoint
DROP TABLE "client_active_spells";
--> statement-breakpoint
DROP TABLE "client_win_months";
--> statement-breakpoint
CREATE TABLE "churn_cohort_cells" (
	"team_id" integer NOT NULL,
	"cohort_month" date NOT NULL,
	"month" date NOT NULL,
	"clients" integer NOT NULL,
	"won_amount" numeric(16, 2) NOT NULL,
	"new_amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "churn_cohort_cells_team_id_cohort_month_month_pk" PRIMARY KEY("team_id","cohort_month","month")
);
--> statement-breakpoint
CREATE TABLE "churn_spell_months" (
	"team_id" integer NOT NULL,
	"first_month" date NOT NULL,
	"until_month" date NOT NULL,
	"earlier_months" datemultirange NOT NULL,
	"spells" integer NOT NULL,
	CONSTRAINT "churn_spell_months_team_id_first_month_until_month_earlier_months_pk" PRIMARY KEY("team_id","first_month","until_month","earlier_months")
);
--> statement-breakpoint
CREATE TABLE "client_active_spells" (
	"team_id" integer NOT NULL,
	"client_kind" text NOT NULL,
	"client_id" integer NOT NULL,
	"spell_no" integer NOT NULL,
	"first_win_on" date NOT NULL,
	"last_win_on" date NOT NULL,
	"active_until" date NOT NULL,
	"earlier" datemultirange DEFAULT '{}'::datemultirange NOT NULL,
	"wins" integer NOT NULL,
	"won_amount" numeric(16, 2) NOT NULL,
	"first_deal_amount" numeric(14, 2),
	"client_first_win_on" date NOT NULL,
	"wins_to_date" integer NOT NULL,
	"amount_to_date" numeric(16, 2) NOT NULL,
	"is_last" boolean NOT NULL,
	"overdue_from" date,
	"value_at_risk" numeric(14, 2),
	CONSTRAINT "client_active_spells_team_id_client_kind_client_id_spell_no_pk" PRIMARY KEY("team_id","client_kind","client_id","spell_no"),
	CONSTRAINT "client_active_spells_kind_check" CHECK (client_kind in ('company', 'contact'))
);
--> statement-breakpoint
CREATE TABLE "client_win_months" (
	"team_id" integer NOT NULL,
	"client_kind" text NOT NULL,
	"client_id" integer NOT NULL,
	"month" date NOT NULL,
	"wins" integer NOT NULL,
	"won_amount" numeric(16, 2) NOT NULL,
	"first_win_on" date NOT NULL,
	"last_win_on" date NOT NULL,
	"client_first_win_on" date NOT NULL,
	CONSTRAINT "client_win_months_team_id_client_kind_client_id_month_pk" PRIMARY KEY("team_id","client_kind","client_id","month"),
	CONSTRAINT "client_win_months_kind_check" CHECK (client_kind in ('company', 'contact'))
);
--> statement-breakpoint
CREATE INDEX "client_active_spells_client_idx" ON "client_active_spells" USING btree ("client_id","client_kind");
--> statement-breakpoint
CREATE INDEX "client_active_spells_overdue_idx" ON "client_active_spells" USING btree ("team_id","overdue_from","last_win_on","value_at_risk") WHERE "client_active_spells"."is_last" and "client_active_spells"."overdue_from" is not null;
--> statement-breakpoint
CREATE INDEX "client_active_spells_risk_value_idx" ON "client_active_spells" USING btree ("team_id","value_at_risk" DESC NULLS LAST,"client_kind","client_id","overdue_from","last_win_on","client_first_win_on","wins_to_date","amount_to_date") WHERE "client_active_spells"."is_last" and "client_active_spells"."overdue_from" is not null;
--> statement-breakpoint
CREATE INDEX "client_win_months_client_idx" ON "client_win_months" USING btree ("client_id","client_kind");
--> statement-breakpoint
-- Churn summaries (db/schema/churn.ts): the SQL below is the one definition of a client's spells
-- and win months (churn_spells_of, churn_win_months_of), used by the row triggers, by the full
-- rebuild and by the checks; the report reads churn_client_wins for a manager, a pipeline or a
-- source (p_owners / p_pipeline / p_source).
-- The client of a won deal: its company, else its contact (deals with neither are no client's).
CREATE FUNCTION churn_client_wins(p_tz text, p_owners integer[], p_pipeline integer, p_source integer, p_kind text, p_client integer)
RETURNS TABLE (client_kind text, client_id integer, deal_id integer, closed_at timestamptz, won_on date, amount numeric, owner_id integer)
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN d.company_id IS NULL THEN 'contact' ELSE 'company' END, coalesce(d.company_id, d.contact_id),
         d.id, d.closed_at, (d.closed_at AT TIME ZONE p_tz)::date, d.amount, d.owner_id
  FROM deals d
  WHERE d.status = 'won' AND (d.company_id IS NOT NULL OR d.contact_id IS NOT NULL)
    AND (p_owners IS NULL OR d.owner_id = ANY (p_owners))
    AND (p_pipeline IS NULL OR d.pipeline_id = p_pipeline)
    AND (p_source IS NULL OR d.source_id = p_source)
    AND (p_client IS NULL OR (p_kind = 'company' AND d.company_id = p_client)
                          OR (p_kind = 'contact' AND d.company_id IS NULL AND d.contact_id = p_client))
$$;
--> statement-breakpoint
-- The won deals the summaries are built from, each once for the organisation (team 0) and once
-- for its owner's team: a team's figures count the won deals its current members own.
CREATE TYPE churn_win AS (team_id integer, client_kind text, client_id integer, deal_id integer, closed_at timestamptz, won_on date, amount numeric);
--> statement-breakpoint
CREATE FUNCTION churn_scoped_wins(p_tz text) RETURNS SETOF churn_win LANGUAGE sql STABLE AS $$
  SELECT s.team_id, w.client_kind, w.client_id, w.deal_id, w.closed_at, w.won_on, w.amount
  FROM churn_client_wins(p_tz, NULL, NULL, NULL, NULL, NULL) AS w
  JOIN users AS u ON u.id = w.owner_id
  CROSS JOIN LATERAL (VALUES (0), (u.team_id)) AS s(team_id)
  WHERE s.team_id IS NOT NULL
$$;
--> statement-breakpoint
-- The same for one client; written without "argument is null" tests so that a cached plan reads
-- the client's deals by index (keep the columns in step with churn_client_wins).
CREATE FUNCTION churn_scoped_wins_of_client(p_tz text, p_kind text, p_client integer) RETURNS SETOF churn_win LANGUAGE sql STABLE AS $$
  SELECT s.team_id, CASE WHEN d.company_id IS NULL THEN 'contact' ELSE 'company' END, coalesce(d.company_id, d.contact_id),
         d.id, d.closed_at, (d.closed_at AT TIME ZONE p_tz)::date, d.amount
  FROM deals AS d
  JOIN users AS u ON u.id = d.owner_id
  CROSS JOIN LATERAL (VALUES (0), (u.team_id)) AS s(team_id)
  WHERE s.team_id IS NOT NULL AND d.status = 'won'
    AND ((p_kind = 'company' AND d.company_id = p_client) OR (p_kind = 'contact' AND d.company_id IS NULL AND d.contact_id = p_client))
$$;
--> statement-breakpoint
-- The active spells of each client in each scope: wins at most p_days apart form one spell, active
-- from the day after its first win to p_days after its last. Wins in order of closed_at, then id.
CREATE FUNCTION churn_spells_of(p_days integer, p_wins churn_win[]) RETURNS SETOF client_active_spells LANGUAGE sql STABLE AS $$
  WITH ordered AS (
    SELECT w.team_id, w.client_kind, w.client_id, w.won_on, w.amount, w.closed_at, w.deal_id,
           row_number() OVER c = 1 AS first_deal,
           CASE WHEN w.won_on - lag(w.won_on) OVER c <= p_days THEN 0 ELSE 1 END AS opens_spell
    FROM unnest(p_wins) AS w
    WINDOW c AS (PARTITION BY w.team_id, w.client_id, w.client_kind ORDER BY w.closed_at, w.deal_id)
  ), numbered AS (
    SELECT o.*, sum(o.opens_spell) OVER (PARTITION BY o.team_id, o.client_id, o.client_kind ORDER BY o.closed_at, o.deal_id) AS spell_no
    FROM ordered AS o
  ), spells AS (
    SELECT n.team_id, n.client_kind, n.client_id, n.spell_no::integer AS spell_no, min(n.won_on) AS first_win_on, max(n.won_on) AS last_win_on,
           count(*)::integer AS wins, sum(n.amount) AS won_amount, max(n.amount) FILTER (WHERE n.first_deal) AS first_deal_amount
    FROM numbered AS n
    GROUP BY n.team_id, n.client_id, n.client_kind, n.spell_no
  ), history AS (
    SELECT s.*,
           coalesce(range_agg(daterange(s.first_win_on + 1, s.last_win_on + p_days + 1)) OVER (k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                    '{}'::datemultirange) AS earlier,
           first_value(s.first_win_on) OVER k AS client_first_win_on,
           (sum(s.wins) OVER k)::integer AS wins_to_date,
           sum(s.won_amount) OVER k AS amount_to_date,
           count(*) OVER (PARTITION BY s.team_id, s.client_id, s.client_kind) = s.spell_no AS is_last
    FROM spells AS s
    WINDOW k AS (PARTITION BY s.team_id, s.client_id, s.client_kind ORDER BY s.spell_no)
  )
  SELECT h.team_id, h.client_kind, h.client_id, h.spell_no, h.first_win_on, h.last_win_on, h.last_win_on + p_days, h.earlier,
         h.wins, h.won_amount::numeric(16, 2), h.first_deal_amount::numeric(14, 2), h.client_first_win_on,
         h.wins_to_date, h.amount_to_date::numeric(16, 2), h.is_last,
         -- past the usual interval (last − first) / (wins − 1) days: from the next whole day after it
         CASE WHEN h.is_last AND h.last_win_on > h.client_first_win_on
              THEN h.last_win_on + floor((h.last_win_on - h.client_first_win_on)::numeric / (h.wins_to_date - 1))::integer + 1 END,
         CASE WHEN h.is_last AND h.last_win_on > h.client_first_win_on THEN round(h.amount_to_date / h.wins_to_date, 2) END
  FROM history AS h
$$;
--> statement-breakpoint
CREATE FUNCTION churn_win_months_of(p_wins churn_win[]) RETURNS SETOF client_win_months LANGUAGE sql STABLE AS $$
  SELECT w.team_id, w.client_kind, w.client_id, churn_month_of(w.won_on), count(*)::integer, sum(w.amount)::numeric(16, 2),
         min(w.won_on), max(w.won_on), min(min(w.won_on)) OVER (PARTITION BY w.team_id, w.client_id, w.client_kind)
  FROM unnest(p_wins) AS w
  GROUP BY w.team_id, w.client_id, w.client_kind, churn_month_of(w.won_on)
$$;
--> statement-breakpoint
-- The aggregates as a recompute from the per-client tables (the rebuild and the checks use them).
CREATE FUNCTION churn_spell_month_counts() RETURNS SETOF churn_spell_months LANGUAGE sql STABLE AS $$
  SELECT s.team_id, churn_month_of(s.first_win_on), churn_month_of(s.active_until), churn_month_starts(s.earlier), count(*)::integer
  FROM client_active_spells AS s
  GROUP BY 1, 2, 3, 4
$$;
--> statement-breakpoint
CREATE FUNCTION churn_cohort_counts() RETURNS SETOF churn_cohort_cells LANGUAGE sql STABLE AS $$
  SELECT c.team_id, c.cohort_month, c.month, sum(c.clients)::integer, sum(c.won_amount)::numeric(16, 2), sum(c.new_amount)::numeric(16, 2)
  FROM (
    SELECT m.team_id, churn_month_of(m.client_first_win_on) AS cohort_month, m.month, 1 AS clients, m.won_amount, 0::numeric AS new_amount
    FROM client_win_months AS m
    UNION ALL
    SELECT s.team_id, churn_month_of(s.first_win_on), churn_month_of(s.first_win_on), 0, 0, s.first_deal_amount
    FROM client_active_spells AS s WHERE s.spell_no = 1
  ) AS c
  GROUP BY 1, 2, 3
$$;
--> statement-breakpoint
-- Recomputes one client's rows (the organisation's and its teams') from its won deals and moves
-- the aggregates by the difference (one upsert per table, in key order, so concurrent refreshes
-- cannot deadlock there). Static statements: their plans are cached per connection.
CREATE OR REPLACE FUNCTION churn_refresh_client(p_kind text, p_client integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_days integer;
  v_wins churn_win[];
  v_spells client_active_spells[];
  v_months client_win_months[];
BEGIN
  -- One refresh of a client at a time: a second one waits, then reads the first one's committed deals
  -- (each statement below takes a fresh snapshot under READ COMMITTED).
  PERFORM pg_advisory_xact_lock(CASE p_kind WHEN 'company' THEN 7301201 ELSE 7301202 END, p_client);
  SELECT coalesce(max(o.churn_window_days), 180) INTO v_days FROM organisation AS o WHERE o.id = 1;
  SELECT coalesce(array_agg(w), '{}') INTO v_wins
  FROM churn_scoped_wins_of_client((SELECT coalesce(max(o.time_zone), 'Europe/Moscow') FROM organisation AS o WHERE o.id = 1), p_kind, p_client) AS w;
  SELECT coalesce(array_agg(s), '{}') INTO v_spells FROM churn_spells_of(v_days, v_wins) AS s;
  SELECT coalesce(array_agg(m), '{}') INTO v_months FROM churn_win_months_of(v_wins) AS m;

  INSERT INTO churn_spell_months AS t (team_id, first_month, until_month, earlier_months, spells)
  SELECT d.team_id, d.first_month, d.until_month, d.earlier_months, sum(d.n)::integer
  FROM (
    SELECT s.team_id, churn_month_of(s.first_win_on) AS first_month, churn_month_of(s.active_until) AS until_month, churn_month_starts(s.earlier) AS earlier_months, -1 AS n
    FROM client_active_spells AS s WHERE s.client_id = p_client AND s.client_kind = p_kind
    UNION ALL
    SELECT s.team_id, churn_month_of(s.first_win_on), churn_month_of(s.active_until), churn_month_starts(s.earlier), 1 FROM unnest(v_spells) AS s
  ) AS d
  GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (team_id, first_month, until_month, earlier_months) DO UPDATE SET spells = t.spells + excluded.spells;
  DELETE FROM churn_spell_months WHERE spells = 0;

  INSERT INTO churn_cohort_cells AS t (team_id, cohort_month, month, clients, won_amount, new_amount)
  SELECT d.team_id, d.cohort_month, d.month, sum(d.clients)::integer, sum(d.won_amount), sum(d.new_amount)
  FROM (
    SELECT m.team_id, churn_month_of(m.client_first_win_on) AS cohort_month, m.month, -1 AS clients, -m.won_amount AS won_amount, 0::numeric AS new_amount
    FROM client_win_months AS m WHERE m.client_id = p_client AND m.client_kind = p_kind
    UNION ALL
    SELECT s.team_id, churn_month_of(s.first_win_on), churn_month_of(s.first_win_on), 0, 0, -s.first_deal_amount
    FROM client_active_spells AS s WHERE s.client_id = p_client AND s.client_kind = p_kind AND s.spell_no = 1
    UNION ALL
    SELECT m.team_id, churn_month_of(m.client_first_win_on), m.month, 1, m.won_amount, 0 FROM unnest(v_months) AS m
    UNION ALL
    SELECT s.team_id, churn_month_of(s.first_win_on), churn_month_of(s.first_win_on), 0, 0, s.first_deal_amount FROM unnest(v_spells) AS s WHERE s.spell_no = 1
  ) AS d
  GROUP BY 1, 2, 3 HAVING sum(d.clients) <> 0 OR sum(d.won_amount) <> 0 OR sum(d.new_amount) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (team_id, cohort_month, month) DO UPDATE
    SET clients = t.clients + excluded.clients, won_amount = t.won_amount + excluded.won_amount, new_amount = t.new_amount + excluded.new_amount;
  DELETE FROM churn_cohort_cells WHERE clients = 0;

  DELETE FROM client_active_spells WHERE client_id = p_client AND client_kind = p_kind;
  INSERT INTO client_active_spells SELECT * FROM unnest(v_spells);
  DELETE FROM client_win_months WHERE client_id = p_client AND client_kind = p_kind;
  INSERT INTO client_win_months SELECT * FROM unnest(v_months);
END
$$;
--> statement-breakpoint
-- Everything from the won deals at once: after a bulk load, and when N or the time zone changes.
CREATE OR REPLACE FUNCTION churn_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_days integer;
  v_tz text;
  v_wins churn_win[];
BEGIN
  LOCK TABLE client_active_spells, client_win_months, churn_spell_months, churn_cohort_cells IN EXCLUSIVE MODE;
  SELECT coalesce(max(o.churn_window_days), 180), coalesce(max(o.time_zone), 'Europe/Moscow') INTO v_days, v_tz FROM organisation AS o WHERE o.id = 1;
  DELETE FROM client_active_spells;
  DELETE FROM client_win_months;
  DELETE FROM churn_spell_months;
  DELETE FROM churn_cohort_cells;
  SELECT coalesce(array_agg(w), '{}') INTO v_wins FROM churn_scoped_wins(v_tz) AS w;
  INSERT INTO client_active_spells SELECT * FROM churn_spells_of(v_days, v_wins);
  INSERT INTO client_win_months SELECT * FROM churn_win_months_of(v_wins);
  INSERT INTO churn_spell_months SELECT * FROM churn_spell_month_counts();
  INSERT INTO churn_cohort_cells SELECT * FROM churn_cohort_counts();
END
$$;
--> statement-breakpoint
CREATE TRIGGER deals_churn_update AFTER UPDATE OF status, closed_at, amount, company_id, contact_id, owner_id ON deals FOR EACH ROW
  WHEN ((OLD.status = 'won' OR NEW.status = 'won')
        AND (OLD.status, OLD.closed_at, OLD.amount, OLD.company_id, OLD.contact_id, OLD.owner_id)
            IS DISTINCT FROM (NEW.status, NEW.closed_at, NEW.amount, NEW.company_id, NEW.contact_id, NEW.owner_id))
  EXECUTE FUNCTION churn_sync_deal();
--> statement-breakpoint
-- A user moved to another team (or none): the teams' figures of the clients of their won deals change.
CREATE FUNCTION churn_sync_user() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_kind text;
  v_id integer;
BEGIN
  FOR v_kind, v_id IN
    SELECT DISTINCT CASE WHEN d.company_id IS NULL THEN 'contact' ELSE 'company' END, coalesce(d.company_id, d.contact_id)
    FROM deals AS d WHERE d.owner_id = NEW.id AND d.status = 'won' AND (d.company_id IS NOT NULL OR d.contact_id IS NOT NULL)
    ORDER BY 1, 2
  LOOP
    PERFORM churn_refresh_client(v_kind, v_id);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_churn_team AFTER UPDATE OF team_id ON users FOR EACH ROW
  WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION churn_sync_user();
--> statement-breakpoint
-- The existing summaries in the new shape: every scope recomputed from the won deals.
SELECT churn_rebuild();
