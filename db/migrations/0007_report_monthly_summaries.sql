CREATE TABLE "deal_outcome_monthly" (
	"month" date NOT NULL,
	"owner_id" integer NOT NULL,
	"source_id" integer,
	"pipeline_id" integer NOT NULL,
	"won" integer DEFAULT 0 NOT NULL,
	"lost" integer DEFAULT 0 NOT NULL,
	"won_amount" numeric(16, 2) DEFAULT '0' NOT NULL,
	"won_seconds" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "deal_outcome_monthly_key" UNIQUE NULLS NOT DISTINCT("month","owner_id","source_id","pipeline_id")
);
--> statement-breakpoint
CREATE TABLE "lead_monthly" (
	"month" date NOT NULL,
	"owner_id" integer,
	"source_id" integer,
	"created" integer DEFAULT 0 NOT NULL,
	"converted" integer DEFAULT 0 NOT NULL,
	"junk" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_monthly_key" UNIQUE NULLS NOT DISTINCT("month","owner_id","source_id")
);
--> statement-breakpoint
-- The calendar month an instant falls in, in the organisation's time zone.
CREATE FUNCTION org_month(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', at AT TIME ZONE coalesce((SELECT time_zone FROM organisation WHERE id = 1), 'Europe/Moscow'))::date
$$;--> statement-breakpoint
-- Adds signed leads (+1 new image, -1 old image) to lead_monthly, keys in order so concurrent
-- writers lock rows in the same order.
CREATE FUNCTION lead_monthly_add(changes jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO lead_monthly AS m (month, owner_id, source_id, created, converted, junk)
  SELECT org_month(c.created_at), c.owner_id, c.source_id, sum(c.sign),
         coalesce(sum(c.sign) FILTER (WHERE c.status = 'converted'), 0), coalesce(sum(c.sign) FILTER (WHERE c.status = 'junk'), 0)
  FROM jsonb_to_recordset(changes) AS c(created_at timestamptz, owner_id integer, source_id integer, status text, sign integer)
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT lead_monthly_key DO UPDATE
  SET created = m.created + excluded.created, converted = m.converted + excluded.converted, junk = m.junk + excluded.junk
$$;--> statement-breakpoint
CREATE FUNCTION lead_monthly_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('voronka.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM lead_monthly_add((SELECT jsonb_agg(jsonb_build_object('created_at', created_at, 'owner_id', owner_id, 'source_id', source_id, 'status', status, 'sign', 1)) FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM lead_monthly_add((SELECT jsonb_agg(jsonb_build_object('created_at', created_at, 'owner_id', owner_id, 'source_id', source_id, 'status', status, 'sign', -1)) FROM old_rows));
  ELSE
    PERFORM lead_monthly_add((
      SELECT jsonb_agg(x.change) FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES
        (jsonb_build_object('created_at', n.created_at, 'owner_id', n.owner_id, 'source_id', n.source_id, 'status', n.status, 'sign', 1)),
        (jsonb_build_object('created_at', o.created_at, 'owner_id', o.owner_id, 'source_id', o.source_id, 'status', o.status, 'sign', -1))) AS x(change)
      WHERE (o.created_at, o.owner_id, o.source_id, o.status) IS DISTINCT FROM (n.created_at, n.owner_id, n.source_id, n.status)));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER lead_monthly_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_monthly_track();--> statement-breakpoint
CREATE TRIGGER lead_monthly_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_monthly_track();--> statement-breakpoint
CREATE TRIGGER lead_monthly_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_monthly_track();--> statement-breakpoint
-- Closed deals: only won and lost images count; an open deal's edits add nothing.
CREATE FUNCTION deal_outcome_monthly_add(changes jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO deal_outcome_monthly AS m (month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds)
  SELECT org_month(c.closed_at), c.owner_id, c.source_id, c.pipeline_id,
         coalesce(sum(c.sign) FILTER (WHERE c.status = 'won'), 0), coalesce(sum(c.sign) FILTER (WHERE c.status = 'lost'), 0),
         coalesce(sum(c.sign * c.amount) FILTER (WHERE c.status = 'won'), 0),
         coalesce(sum(c.sign * extract(epoch FROM c.closed_at - c.created_at)) FILTER (WHERE c.status = 'won'), 0)
  FROM jsonb_to_recordset(changes) AS c(closed_at timestamptz, created_at timestamptz, owner_id integer, source_id integer, pipeline_id integer, status text, amount numeric, sign integer)
  WHERE c.status IN ('won', 'lost')
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT deal_outcome_monthly_key DO UPDATE
  SET won = m.won + excluded.won, lost = m.lost + excluded.lost,
      won_amount = m.won_amount + excluded.won_amount, won_seconds = m.won_seconds + excluded.won_seconds
$$;--> statement-breakpoint
CREATE FUNCTION deal_outcome_monthly_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('voronka.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM deal_outcome_monthly_add((SELECT jsonb_agg(jsonb_build_object('closed_at', closed_at, 'created_at', created_at, 'owner_id', owner_id, 'source_id', source_id, 'pipeline_id', pipeline_id, 'status', status, 'amount', amount, 'sign', 1)) FROM new_rows WHERE status <> 'open'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM deal_outcome_monthly_add((SELECT jsonb_agg(jsonb_build_object('closed_at', closed_at, 'created_at', created_at, 'owner_id', owner_id, 'source_id', source_id, 'pipeline_id', pipeline_id, 'status', status, 'amount', amount, 'sign', -1)) FROM old_rows WHERE status <> 'open'));
  ELSE
    PERFORM deal_outcome_monthly_add((
      SELECT jsonb_agg(x.change) FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES
        (jsonb_build_object('closed_at', n.closed_at, 'created_at', n.created_at, 'owner_id', n.owner_id, 'source_id', n.source_id, 'pipeline_id', n.pipeline_id, 'status', n.status, 'amount', n.amount, 'sign', 1)),
        (jsonb_build_object('closed_at', o.closed_at, 'created_at', o.created_at, 'owner_id', o.owner_id, 'source_id', o.source_id, 'pipeline_id', o.pipeline_id, 'status', o.status, 'amount', o.amount, 'sign', -1))) AS x(change)
      WHERE (o.status <> 'open' OR n.status <> 'open')
        AND (o.closed_at, o.created_at, o.owner_id, o.source_id, o.pipeline_id, o.status, o.amount)
            IS DISTINCT FROM (n.closed_at, n.created_at, n.owner_id, n.source_id, n.pipeline_id, n.status, n.amount)));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deal_outcome_monthly_insert AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_outcome_monthly_track();--> statement-breakpoint
CREATE TRIGGER deal_outcome_monthly_update AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_outcome_monthly_track();--> statement-breakpoint
CREATE TRIGGER deal_outcome_monthly_delete AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_outcome_monthly_track();--> statement-breakpoint
INSERT INTO lead_monthly (month, owner_id, source_id, created, converted, junk)
SELECT org_month(created_at), owner_id, source_id, count(*), count(*) FILTER (WHERE status = 'converted'), count(*) FILTER (WHERE status = 'junk')
FROM leads GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO deal_outcome_monthly (month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds)
SELECT org_month(closed_at), owner_id, source_id, pipeline_id, count(*) FILTER (WHERE status = 'won'), count(*) FILTER (WHERE status = 'lost'),
       coalesce(sum(amount) FILTER (WHERE status = 'won'), 0), coalesce(sum(extract(epoch FROM closed_at - created_at)) FILTER (WHERE status = 'won'), 0)
FROM deals WHERE status <> 'open' GROUP BY 1, 2, 3, 4;
