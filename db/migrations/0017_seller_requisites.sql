ALTER TABLE "organisation" ADD COLUMN "inn" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "kpp" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "ogrn" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "legal_address" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "bank_name" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "bank_bik" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "bank_account" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "bank_corr_account" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_inn_check" CHECK ("organisation"."inn" is null or "organisation"."inn" ~ '^([0-9]{10}|[0-9]{12})$');--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_bik_check" CHECK ("organisation"."bank_bik" is null or "organisation"."bank_bik" ~ '^[0-9]{9}$');--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_accounts_check" CHECK (("organisation"."bank_account" is null or "organisation"."bank_account" ~ '^[0-9]{20}$') and ("organisation"."bank_corr_account" is null or "organisation"."bank_corr_account" ~ '^[0-9]{20}$'));