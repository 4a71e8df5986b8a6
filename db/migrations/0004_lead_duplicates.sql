ALTER TABLE "leads" ADD COLUMN "duplicate_contact_id" integer;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "duplicate_company_id" integer;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_duplicate_contact_id_contacts_id_fk" FOREIGN KEY ("duplicate_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_duplicate_company_id_companies_id_fk" FOREIGN KEY ("duplicate_company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;