ALTER TABLE "products" ADD COLUMN "brand_name" varchar(120);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "alternate_barcodes" varchar(64)[] DEFAULT '{}'::varchar[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "cost" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "requires_prescription" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "schedule" varchar(2);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "reorder_level" integer;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "ck_products_cost" CHECK ("products"."cost" IS NULL OR "products"."cost" >= 0);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "ck_products_reorder_level" CHECK ("products"."reorder_level" IS NULL OR "products"."reorder_level" >= 0);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "ck_products_schedule" CHECK ("products"."schedule" IS NULL OR "products"."schedule" ~ '^S[0-8]$');--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "ck_products_alternate_barcodes" CHECK (cardinality("products"."alternate_barcodes") <= 10);