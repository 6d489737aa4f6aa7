DROP INDEX "idx_sales_sync";--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "kind" varchar(8) DEFAULT 'refund' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "shift_id" varchar(64);--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "tenders" jsonb;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "vat" integer;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "rounding" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "shift_id" varchar(64);--> statement-breakpoint
CREATE INDEX "idx_sales_customer" ON "sales" USING btree ("tenant_id","customer_id") WHERE "sales"."customer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_sales_shift" ON "sales" USING btree ("device_id","shift_id") WHERE "sales"."shift_id" IS NOT NULL;