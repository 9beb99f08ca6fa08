-- sequelize-sync-alter-noop
-- 31 distinct statements (33 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 3x; db=sequelize_app; application_name=[unknown]
SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;
;;
-- #2 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
WITH ranges AS (  SELECT pg_range.rngtypid, pg_type.typname AS rngtypname,         pg_type.typarray AS rngtyparray, pg_range.rngsubtype    FROM pg_range LEFT OUTER JOIN pg_type ON pg_type.oid = pg_range.rngtypid)SELECT pg_type.typname, pg_type.typtype, pg_type.oid, pg_type.typarray,       ranges.rngtypname, ranges.rngtypid, ranges.rngtyparray  FROM pg_type LEFT OUTER JOIN ranges ON pg_type.oid = ranges.rngsubtype WHERE (pg_type.typtype IN('b', 'e'));
;;
-- #3 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'
;;
-- #4 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT t.typname enum_name, array_agg(e.enumlabel ORDER BY enumsortorder) enum_value FROM pg_type t JOIN pg_enum e ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname='enum_users_role' GROUP BY 1
;;
-- #5 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT pk.constraint_type as "Constraint",c.column_name as "Field", c.column_default as "Default",c.is_nullable as "Null", (CASE WHEN c.udt_name = 'hstore' THEN c.udt_name ELSE c.data_type END) || (CASE WHEN c.character_maximum_length IS NOT NULL THEN '(' || c.character_maximum_length || ')' ELSE '' END) as "Type", (SELECT array_agg(e.enumlabel) FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON t.oid=e.enumtypid WHERE t.typname=c.udt_name) AS "special", (SELECT pgd.description FROM pg_catalog.pg_statio_all_tables AS st INNER JOIN pg_catalog.pg_description pgd on (pgd.objoid=st.relid) WHERE c.ordinal_position=pgd.objsubid AND c.table_name=st.relname) AS "Comment" FROM information_schema.columns c LEFT JOIN (SELECT tc.table_schema, tc.table_name, cu.column_name, tc.constraint_type FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE  cu ON tc.table_schema=cu.table_schema and tc.table_name=cu.table_name and tc.constraint_name=cu.constraint_name and tc.constraint_type='PRIMARY KEY') pk ON pk.table_schema=c.table_schema AND pk.table_name=c.table_name AND pk.column_name=c.column_name WHERE c.table_name = 'users' AND c.table_schema = 'public'
;;
-- #6 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT DISTINCT tc.constraint_name as constraint_name, tc.constraint_schema as constraint_schema, tc.constraint_catalog as constraint_catalog, tc.table_name as table_name,tc.table_schema as table_schema,tc.table_catalog as table_catalog,tc.initially_deferred as initially_deferred,tc.is_deferrable as is_deferrable,kcu.column_name as column_name,ccu.table_schema  AS referenced_table_schema,ccu.table_catalog  AS referenced_table_catalog,ccu.table_name  AS referenced_table_name,ccu.column_name AS referenced_column_name FROM information_schema.table_constraints AS tc JOIN information_schema.key_column_usage AS kcu ON tc.constraint_name = kcu.constraint_name JOIN information_schema.constraint_column_usage AS ccu ON ccu.constraint_name = tc.constraint_name WHERE constraint_type = 'FOREIGN KEY' AND tc.table_name = 'users' AND tc.table_catalog = 'sequelize_app'
;;
-- #7 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "email" DROP DEFAULT;ALTER TABLE "users"  ADD UNIQUE ("email");ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(255)  ;
;;
-- #8 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "name" TYPE TEXT;
;;
-- #9 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "role" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'member';DO 'BEGIN CREATE TYPE "public"."enum_users_role" AS ENUM(''admin'', ''member'', ''guest''); EXCEPTION WHEN duplicate_object THEN null; END';ALTER TABLE "users" ALTER COLUMN "role" TYPE "public"."enum_users_role" USING ("role"::"public"."enum_users_role");
;;
-- #10 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "age" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "age" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "age" TYPE INTEGER;
;;
-- #11 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "karma" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "karma" SET DEFAULT 0;ALTER TABLE "users" ALTER COLUMN "karma" TYPE BIGINT;
;;
-- #12 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "active" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "active" SET DEFAULT true;ALTER TABLE "users" ALTER COLUMN "active" TYPE BOOLEAN;
;;
-- #13 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "balance" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "balance" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "balance" TYPE DECIMAL(12,2);
;;
-- #14 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "profile" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "profile" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "profile" TYPE JSONB;
;;
-- #15 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "tags" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "tags" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "tags" TYPE TEXT[];
;;
-- #16 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "externalId" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "externalId" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "externalId" TYPE UUID;
;;
-- #17 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "seenAt" DROP NOT NULL;ALTER TABLE "users" ALTER COLUMN "seenAt" SET DEFAULT now();ALTER TABLE "users" ALTER COLUMN "seenAt" TYPE TIMESTAMP WITH TIME ZONE;
;;
-- #18 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "createdAt" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "createdAt" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "createdAt" TYPE TIMESTAMP WITH TIME ZONE;
;;
-- #19 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "updatedAt" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "updatedAt" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "updatedAt" TYPE TIMESTAMP WITH TIME ZONE;
;;
-- #20 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey AS indkey, array_agg(a.attnum) as column_indexes, array_agg(a.attname) AS column_names, pg_get_indexdef(ix.indexrelid) AS definition FROM pg_class t, pg_class i, pg_index ix, pg_attribute a WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND a.attrelid = t.oid AND t.relkind = 'r' and t.relname = 'users' GROUP BY i.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, ix.indkey ORDER BY i.relname;
;;
-- #21 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'posts'
;;
-- #22 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT pk.constraint_type as "Constraint",c.column_name as "Field", c.column_default as "Default",c.is_nullable as "Null", (CASE WHEN c.udt_name = 'hstore' THEN c.udt_name ELSE c.data_type END) || (CASE WHEN c.character_maximum_length IS NOT NULL THEN '(' || c.character_maximum_length || ')' ELSE '' END) as "Type", (SELECT array_agg(e.enumlabel) FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON t.oid=e.enumtypid WHERE t.typname=c.udt_name) AS "special", (SELECT pgd.description FROM pg_catalog.pg_statio_all_tables AS st INNER JOIN pg_catalog.pg_description pgd on (pgd.objoid=st.relid) WHERE c.ordinal_position=pgd.objsubid AND c.table_name=st.relname) AS "Comment" FROM information_schema.columns c LEFT JOIN (SELECT tc.table_schema, tc.table_name, cu.column_name, tc.constraint_type FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE  cu ON tc.table_schema=cu.table_schema and tc.table_name=cu.table_name and tc.constraint_name=cu.constraint_name and tc.constraint_type='PRIMARY KEY') pk ON pk.table_schema=c.table_schema AND pk.table_name=c.table_name AND pk.column_name=c.column_name WHERE c.table_name = 'posts' AND c.table_schema = 'public'
;;
-- #23 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT DISTINCT tc.constraint_name as constraint_name, tc.constraint_schema as constraint_schema, tc.constraint_catalog as constraint_catalog, tc.table_name as table_name,tc.table_schema as table_schema,tc.table_catalog as table_catalog,tc.initially_deferred as initially_deferred,tc.is_deferrable as is_deferrable,kcu.column_name as column_name,ccu.table_schema  AS referenced_table_schema,ccu.table_catalog  AS referenced_table_catalog,ccu.table_name  AS referenced_table_name,ccu.column_name AS referenced_column_name FROM information_schema.table_constraints AS tc JOIN information_schema.key_column_usage AS kcu ON tc.constraint_name = kcu.constraint_name JOIN information_schema.constraint_column_usage AS ccu ON ccu.constraint_name = tc.constraint_name WHERE constraint_type = 'FOREIGN KEY' AND tc.table_name = 'posts' AND tc.table_catalog = 'sequelize_app'
;;
-- #24 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" ALTER COLUMN "title" SET NOT NULL;ALTER TABLE "posts" ALTER COLUMN "title" DROP DEFAULT;ALTER TABLE "posts" ALTER COLUMN "title" TYPE VARCHAR(200);
;;
-- #25 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" ALTER COLUMN "body" DROP NOT NULL;ALTER TABLE "posts" ALTER COLUMN "body" DROP DEFAULT;ALTER TABLE "posts" ALTER COLUMN "body" TYPE TEXT;
;;
-- #26 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" ALTER COLUMN "published" DROP NOT NULL;ALTER TABLE "posts" ALTER COLUMN "published" SET DEFAULT false;ALTER TABLE "posts" ALTER COLUMN "published" TYPE BOOLEAN;
;;
-- #27 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" ALTER COLUMN "createdAt" SET NOT NULL;ALTER TABLE "posts" ALTER COLUMN "createdAt" DROP DEFAULT;ALTER TABLE "posts" ALTER COLUMN "createdAt" TYPE TIMESTAMP WITH TIME ZONE;
;;
-- #28 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" ALTER COLUMN "updatedAt" SET NOT NULL;ALTER TABLE "posts" ALTER COLUMN "updatedAt" DROP DEFAULT;ALTER TABLE "posts" ALTER COLUMN "updatedAt" TYPE TIMESTAMP WITH TIME ZONE;
;;
-- #29 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" DROP CONSTRAINT "posts_authorId_fkey"
;;
-- #30 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
ALTER TABLE "posts" ALTER COLUMN "authorId" SET NOT NULL;ALTER TABLE "posts"  ADD FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
;;
-- #31 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey AS indkey, array_agg(a.attnum) as column_indexes, array_agg(a.attname) AS column_names, pg_get_indexdef(ix.indexrelid) AS definition FROM pg_class t, pg_class i, pg_index ix, pg_attribute a WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND a.attrelid = t.oid AND t.relkind = 'r' and t.relname = 'posts' GROUP BY i.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, ix.indkey ORDER BY i.relname;
;;
