ALTER TABLE "products" ADD COLUMN "sku" varchar(64);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "generic_name" varchar(120);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "tax_class" varchar(8) DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "tenders" jsonb;