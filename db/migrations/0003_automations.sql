ALTER TABLE "stages" ADD COLUMN "default_task_subject" text;--> statement-breakpoint
ALTER TABLE "stages" ADD COLUMN "default_task_due_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "automation_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_automation_key_unique" ON "activities" USING btree ("automation_key") WHERE "activities"."automation_key" is not null;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_default_task_due_check" CHECK ("stages"."default_task_due_hours" between 0 and 720);