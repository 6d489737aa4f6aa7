ALTER TABLE "devices" ADD COLUMN "receipt_prefix" varchar(8);--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "buyer" jsonb;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "reprints" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "devices_registered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- RC1: devices registered before receipt prefixes are numbered T1, T2, ... in their tenant by age.
UPDATE "devices" AS d SET "receipt_prefix" = 'T' || n.number
FROM (SELECT "id", row_number() OVER (PARTITION BY "tenant_id" ORDER BY "created_at", "id") AS number FROM "devices") AS n
WHERE n."id" = d."id";--> statement-breakpoint
UPDATE "tenants" AS t SET "devices_registered" = (SELECT count(*) FROM "devices" WHERE "tenant_id" = t."id");--> statement-breakpoint
ALTER TABLE "devices" ALTER COLUMN "receipt_prefix" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_devices_receipt_prefix" ON "devices" USING btree ("tenant_id","receipt_prefix");
