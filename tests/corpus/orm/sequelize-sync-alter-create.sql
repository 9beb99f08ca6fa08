-- sequelize-sync-alter-create
-- 11 distinct statements (13 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 2x; db=sequelize_app; application_name=[unknown]
SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;
;;
-- #2 protocol: simple; executed 2x; db=sequelize_app; application_name=[unknown]
WITH ranges AS (  SELECT pg_range.rngtypid, pg_type.typname AS rngtypname,         pg_type.typarray AS rngtyparray, pg_range.rngsubtype    FROM pg_range LEFT OUTER JOIN pg_type ON pg_type.oid = pg_range.rngtypid)SELECT pg_type.typname, pg_type.typtype, pg_type.oid, pg_type.typarray,       ranges.rngtypname, ranges.rngtypid, ranges.rngtyparray  FROM pg_type LEFT OUTER JOIN ranges ON pg_type.oid = ranges.rngsubtype WHERE (pg_type.typtype IN('b', 'e'));
;;
-- #3 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'
;;
-- #4 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT t.typname enum_name, array_agg(e.enumlabel ORDER BY enumsortorder) enum_value FROM pg_type t JOIN pg_enum e ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname='enum_users_role' GROUP BY 1
;;
-- #5 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
DO 'BEGIN CREATE TYPE "public"."enum_users_role" AS ENUM(''admin'', ''member'', ''guest''); EXCEPTION WHEN duplicate_object THEN null; END';
;;
-- #6 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
CREATE TABLE IF NOT EXISTS "users" ("id"  SERIAL , "email" VARCHAR(255) NOT NULL UNIQUE, "name" TEXT NOT NULL, "role" "public"."enum_users_role" DEFAULT 'member', "age" INTEGER, "karma" BIGINT DEFAULT 0, "active" BOOLEAN NOT NULL DEFAULT true, "balance" DECIMAL(12,2), "profile" JSONB, "tags" TEXT[], "externalId" UUID, "seenAt" TIMESTAMP WITH TIME ZONE DEFAULT now(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
;;
-- #7 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey AS indkey, array_agg(a.attnum) as column_indexes, array_agg(a.attname) AS column_names, pg_get_indexdef(ix.indexrelid) AS definition FROM pg_class t, pg_class i, pg_index ix, pg_attribute a WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND a.attrelid = t.oid AND t.relkind = 'r' and t.relname = 'users' GROUP BY i.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, ix.indkey ORDER BY i.relname;
;;
-- #8 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
CREATE INDEX "users_name_idx" ON "users" ("name")
;;
-- #9 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'posts'
;;
-- #10 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
CREATE TABLE IF NOT EXISTS "posts" ("id"  SERIAL , "title" VARCHAR(200) NOT NULL, "body" TEXT, "published" BOOLEAN DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "authorId" INTEGER NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("id"));
;;
-- #11 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey AS indkey, array_agg(a.attnum) as column_indexes, array_agg(a.attname) AS column_names, pg_get_indexdef(ix.indexrelid) AS definition FROM pg_class t, pg_class i, pg_index ix, pg_attribute a WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND a.attrelid = t.oid AND t.relkind = 'r' and t.relname = 'posts' GROUP BY i.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, ix.indkey ORDER BY i.relname;
;;
