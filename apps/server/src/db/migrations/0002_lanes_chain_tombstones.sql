CREATE TABLE "device_lanes" (
	"device_id" uuid NOT NULL,
	"lane" varchar(16) NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "device_lanes_device_id_lane_pk" PRIMARY KEY("device_id","lane")
);
--> statement-breakpoint
CREATE TABLE "integrity_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"chain_seq" integer NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sync_operations" DROP CONSTRAINT "uq_sync_operations_device_seq";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "chain_seq" integer;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "previous_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "signature" varchar(64);--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "signature_key_id" varchar(16);--> statement-breakpoint
-- Operations applied before lanes existed used one sequence per device: they keep it under the lane name "legacy".
ALTER TABLE "sync_operations" ADD COLUMN "lane" varchar(16) DEFAULT 'legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_operations" ALTER COLUMN "lane" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "device_lanes" ADD CONSTRAINT "device_lanes_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_alerts" ADD CONSTRAINT "integrity_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_alerts" ADD CONSTRAINT "integrity_alerts_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_integrity_alerts_tenant" ON "integrity_alerts" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_sales_chain" ON "sales" USING btree ("device_id","chain_seq");--> statement-breakpoint
ALTER TABLE "devices" DROP COLUMN "last_seq";--> statement-breakpoint
ALTER TABLE "sync_operations" ADD CONSTRAINT "uq_sync_operations_device_lane_seq" UNIQUE("device_id","lane","seq");