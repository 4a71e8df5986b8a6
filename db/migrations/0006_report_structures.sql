DROP INDEX "leads_created_idx";--> statement-breakpoint
DROP INDEX "deal_stage_history_deal_idx";--> statement-breakpoint
DROP INDEX "deals_pipeline_stage_open_idx";--> statement-breakpoint
DROP INDEX "deals_closed_idx";--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
-- Backfill: each stay ends when the deal's next history row begins (by changed_at, then id).
UPDATE "deal_stage_history" h SET "left_at" = n.next_at
FROM (SELECT id, lead(changed_at) OVER (PARTITION BY deal_id ORDER BY changed_at, id) AS next_at FROM "deal_stage_history") n
WHERE n.id = h.id AND n.next_at IS NOT NULL;--> statement-breakpoint
-- Keeps left_at equal to that recompute for every deal whose history changes, whatever writes it
-- (stage moves, reopening, merges, the sample loader). A deal has a handful of rows, so redoing
-- its chain is cheap and stays exact even for out-of-order or re-pointed rows. A bulk load sets
-- voronka.bulk_load = 'on' and writes left_at itself; db/summaries/stage-stays.ts recomputes it.
CREATE FUNCTION deal_stage_history_close_stay() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected integer[];
BEGIN
  IF current_setting('voronka.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    affected := ARRAY[NEW.deal_id];
  ELSIF TG_OP = 'DELETE' THEN
    affected := ARRAY[OLD.deal_id];
  ELSE
    affected := ARRAY[OLD.deal_id, NEW.deal_id];
  END IF;
  UPDATE deal_stage_history h SET left_at = n.next_at
  FROM (
    SELECT id, lead(changed_at) OVER (PARTITION BY deal_id ORDER BY changed_at, id) AS next_at
    FROM deal_stage_history WHERE deal_id = ANY (affected)
  ) n
  WHERE n.id = h.id AND h.left_at IS DISTINCT FROM n.next_at;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deal_stage_history_close_stay
AFTER INSERT OR DELETE OR UPDATE OF deal_id, changed_at ON "deal_stage_history"
FOR EACH ROW EXECUTE FUNCTION deal_stage_history_close_stay();
--> statement-breakpoint
CREATE INDEX "leads_owner_created_idx" ON "leads" USING btree ("owner_id","created_at","source_id","status");--> statement-breakpoint
CREATE INDEX "deals_funnel_cohort_idx" ON "deals" USING btree ("pipeline_id","created_at","owner_id","source_id","status","furthest_stage_order","amount");--> statement-breakpoint
CREATE INDEX "deals_owner_cohort_idx" ON "deals" USING btree ("owner_id","created_at","pipeline_id","source_id","status","furthest_stage_order","amount");--> statement-breakpoint
CREATE INDEX "deals_owner_closed_idx" ON "deals" USING btree ("owner_id","closed_at","pipeline_id","source_id","status","amount","created_at","loss_reason_id","stage_id") WHERE "deals"."status" <> 'open';--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at","owner_id","source_id","status");--> statement-breakpoint
CREATE INDEX "deal_stage_history_deal_idx" ON "deal_stage_history" USING btree ("deal_id","changed_at","to_stage_id","left_at","from_stage_id");--> statement-breakpoint
CREATE INDEX "deals_pipeline_stage_open_idx" ON "deals" USING btree ("pipeline_id","stage_id","owner_id","source_id","amount","stage_entered_at") WHERE "deals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("closed_at","owner_id","pipeline_id","source_id","status","amount","created_at","loss_reason_id","stage_id") WHERE "deals"."status" <> 'open';
