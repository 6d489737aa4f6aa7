CREATE TABLE "stock_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" varchar(16) DEFAULT 'OVERSELL' NOT NULL,
	"shortfall" integer NOT NULL,
	"sale_ids" uuid[] NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"resolution" varchar(12),
	"resolved_by_device" uuid,
	"change_seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stock_ledger" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"reason" varchar(16),
	"sale_id" uuid,
	"op_id" uuid,
	"device_id" uuid,
	"user_id" uuid,
	"note" varchar(200),
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"tenant_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stock_levels_branch_id_product_id_pk" PRIMARY KEY("branch_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "stock_counter" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "track_stock" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "oversell_policy" varchar(8);--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "status" varchar(12) DEFAULT 'completed' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "oversell_policy" varchar(8) DEFAULT 'flag' NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_exceptions" ADD CONSTRAINT "stock_exceptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_exceptions" ADD CONSTRAINT "stock_exceptions_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_ledger" ADD CONSTRAINT "stock_ledger_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_stock_exceptions_open" ON "stock_exceptions" USING btree ("branch_id","product_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "idx_stock_exceptions_change" ON "stock_exceptions" USING btree ("branch_id","change_seq");--> statement-breakpoint
CREATE INDEX "idx_stock_ledger_product" ON "stock_ledger" USING btree ("branch_id","product_id");--> statement-breakpoint
CREATE INDEX "idx_stock_levels_change" ON "stock_levels" USING btree ("branch_id","change_seq");