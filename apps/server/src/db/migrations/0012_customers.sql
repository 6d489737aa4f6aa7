CREATE TABLE "account_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"local_id" varchar(64) NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid,
	"amount" integer NOT NULL,
	"method" varchar(16) NOT NULL,
	"reference" varchar(64),
	"shift_id" varchar(64),
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uq_account_payments_device_local" UNIQUE("tenant_id","device_id","local_id"),
	CONSTRAINT "ck_account_payments_amount" CHECK ("account_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" varchar(80) NOT NULL,
	"phone" varchar(20),
	"credit_limit" integer,
	"sync_version" integer DEFAULT 1 NOT NULL,
	"change_seq" bigint NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_customers_credit_limit" CHECK ("customers"."credit_limit" IS NULL OR "customers"."credit_limit" >= 0)
);
--> statement-breakpoint
ALTER TABLE "account_payments" ADD CONSTRAINT "account_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_payments" ADD CONSTRAINT "account_payments_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_payments" ADD CONSTRAINT "account_payments_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_payments" ADD CONSTRAINT "account_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_account_payments_customer" ON "account_payments" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "idx_account_payments_shift" ON "account_payments" USING btree ("device_id","shift_id") WHERE "account_payments"."shift_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_customers_phone" ON "customers" USING btree ("tenant_id","phone") WHERE "customers"."phone" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_customers_tenant_change" ON "customers" USING btree ("tenant_id","change_seq");--> statement-breakpoint
CREATE INDEX "idx_refunds_customer" ON "refunds" USING btree ("tenant_id","customer_id") WHERE "refunds"."customer_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "customers" USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
ALTER TABLE "account_payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "account_payments" USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
-- Customers are edited, never deleted (their book is history).
GRANT SELECT, INSERT, UPDATE ON "customers" TO "opentill_app";--> statement-breakpoint
-- Payments on account are money records: the app may add and read them, never change or remove them.
GRANT SELECT, INSERT ON "account_payments" TO "opentill_app";
