-- Row-level security on every tenant-owned table (SPEC ID15). The server's connections run as
-- "opentill_app", which owns nothing and cannot bypass RLS; each request's transaction names its
-- tenant with set_config('app.tenant_id', ..., true), so a query that forgets it sees no rows.
-- Roles are cluster-wide: several databases (and concurrent test databases) share this one.
DO $$
BEGIN
  CREATE ROLE "opentill_app" NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The transaction's tenant, or NULL when none is set ('' is what a reset custom setting reads as).
CREATE FUNCTION "app_tenant_id"() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
$$;
--> statement-breakpoint
ALTER TABLE "device_lanes" ADD COLUMN "tenant_id" uuid;
--> statement-breakpoint
UPDATE "device_lanes" SET "tenant_id" = "devices"."tenant_id" FROM "devices" WHERE "devices"."id" = "device_lanes"."device_id";
--> statement-breakpoint
ALTER TABLE "device_lanes" ALTER COLUMN "tenant_id" SET DEFAULT app_tenant_id(), ALTER COLUMN "tenant_id" SET NOT NULL;
--> statement-breakpoint
DO $$
DECLARE
  owned text;
BEGIN
  FOREACH owned IN ARRAY ARRAY[
    'branches', 'users', 'user_branches', 'devices', 'device_lanes', 'products', 'sales', 'refunds',
    'integrity_alerts', 'sync_operations', 'stock_levels', 'stock_ledger', 'stock_exceptions',
    'audit_log', 'audit_heads'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())',
      owned
    );
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "tenants" USING (id = app_tenant_id()) WITH CHECK (id = app_tenant_id());
--> statement-breakpoint
-- Sign-in knows a phone, not a tenant: this names the tenant of the active owner with that phone
-- and nothing else, running as the function's owner so the app role needs no wider view.
CREATE FUNCTION "owner_tenant_by_phone"(owner_phone text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT tenant_id FROM users WHERE phone = owner_phone AND role = 'OWNER' AND is_active LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "owner_tenant_by_phone"(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "owner_tenant_by_phone"(text) TO "opentill_app";
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO "opentill_app";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "opentill_app";
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "opentill_app";
--> statement-breakpoint
-- The append-only logs: the grants refuse what their triggers refuse (SPEC AU1, SY13).
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log", "sync_operations", "stock_ledger" FROM "opentill_app";
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "opentill_app";
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "opentill_app";
