-- The database's generation goes into every pull cursor: a device holding a cursor
-- from another generation (another database, e.g. after a restore into a new one)
-- refetches from the start instead of trusting positions that mean nothing here.
INSERT INTO "server_meta" ("key", "value") VALUES ('generation', gen_random_uuid()::text) ON CONFLICT DO NOTHING;
