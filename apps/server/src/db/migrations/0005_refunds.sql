CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"local_id" varchar(64) NOT NULL,
	"op_id" uuid NOT NULL,
	"user_id" uuid,
	"sale_device_id" uuid NOT NULL,
	"sale_local_id" varchar(64) NOT NULL,
	"sale_id" uuid,
	"items" jsonb NOT NULL,
	"amount" integer NOT NULL,
	"method" varchar(20) NOT NULL,
	"restock" boolean NOT NULL,
	"reason" varchar(200) NOT NULL,
	"status" varchar(16) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "uq_refunds_device_local" UNIQUE("tenant_id","device_id","local_id"),
	CONSTRAINT "ck_refunds_amount" CHECK ("refunds"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_refunds_sale" ON "refunds" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "idx_refunds_awaiting" ON "refunds" USING btree ("sale_device_id","sale_local_id") WHERE "refunds"."status" = 'awaiting_sale';