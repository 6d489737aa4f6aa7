ALTER TABLE "stock_ledger" DROP CONSTRAINT "stock_ledger_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_ledger" DROP CONSTRAINT "stock_ledger_branch_id_branches_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_operations" DROP CONSTRAINT "sync_operations_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_operations" DROP CONSTRAINT "sync_operations_device_id_devices_id_fk";
--> statement-breakpoint
DROP INDEX "idx_sync_operations_tenant";