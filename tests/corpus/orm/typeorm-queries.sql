-- typeorm-queries
-- 30 distinct statements (37 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT version()
;;
-- #2 protocol: simple; executed 2x; db=typeorm_app; application_name=[unknown]
SELECT * FROM current_schema()
;;
-- #3 protocol: simple; executed 4x; db=typeorm_app; application_name=[unknown]
START TRANSACTION
;;
-- #4 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT * FROM current_database()
;;
-- #5 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "table_schema", "table_name", obj_description((quote_ident("table_schema") || '.' || quote_ident("table_name"))::regclass, 'pg_class') AS table_comment FROM "information_schema"."tables" WHERE ("table_schema" = 'public' AND "table_name" = 'users') OR ("table_schema" = 'public' AND "table_name" = 'posts')
;;
-- #6 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT TRUE FROM information_schema.columns WHERE table_name = 'pg_class' and column_name = 'relispartition'
;;
-- #7 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT columns.*, pg_catalog.col_description((quote_ident(table_catalog) || '.' || quote_ident(table_schema) || '.' || quote_ident(table_name))::regclass::oid, ordinal_position) AS description, ('"' || "udt_schema" || '"."' || "udt_name" || '"')::"regtype"::text AS "regtype", pg_catalog.format_type("col_attr"."atttypid", "col_attr"."atttypmod") AS "format_type" FROM "information_schema"."columns" LEFT JOIN "pg_catalog"."pg_attribute" AS "col_attr" ON "col_attr"."attname" = "columns"."column_name" AND "col_attr"."attrelid" = ( SELECT "cls"."oid" FROM "pg_catalog"."pg_class" AS "cls" LEFT JOIN "pg_catalog"."pg_namespace" AS "ns" ON "ns"."oid" = "cls"."relnamespace" WHERE "cls"."relname" = "columns"."table_name" AND "ns"."nspname" = "columns"."table_schema" ) WHERE ("table_schema" = 'public' AND "table_name" = 'users') OR ("table_schema" = 'public' AND "table_name" = 'posts')
;;
-- #8 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "ns"."nspname" AS "table_schema", "t"."relname" AS "table_name", "cnst"."conname" AS "constraint_name", pg_get_constraintdef("cnst"."oid") AS "expression", CASE "cnst"."contype" WHEN 'p' THEN 'PRIMARY' WHEN 'u' THEN 'UNIQUE' WHEN 'c' THEN 'CHECK' WHEN 'x' THEN 'EXCLUDE' END AS "constraint_type", "a"."attname" AS "column_name" FROM "pg_constraint" "cnst" INNER JOIN "pg_class" "t" ON "t"."oid" = "cnst"."conrelid" INNER JOIN "pg_namespace" "ns" ON "ns"."oid" = "cnst"."connamespace" LEFT JOIN "pg_attribute" "a" ON "a"."attrelid" = "cnst"."conrelid" AND "a"."attnum" = ANY ("cnst"."conkey") WHERE "t"."relkind" IN ('r', 'p') AND (("ns"."nspname" = 'public' AND "t"."relname" = 'users') OR ("ns"."nspname" = 'public' AND "t"."relname" = 'posts'))
;;
-- #9 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "ns"."nspname" AS "table_schema", "t"."relname" AS "table_name", "i"."relname" AS "constraint_name", "a"."attname" AS "column_name", CASE "ix"."indisunique" WHEN 't' THEN 'TRUE' ELSE'FALSE' END AS "is_unique", pg_get_expr("ix"."indpred", "ix"."indrelid") AS "condition", "types"."typname" AS "type_name", "am"."amname" AS "index_type" FROM "pg_class" "t" INNER JOIN "pg_index" "ix" ON "ix"."indrelid" = "t"."oid" INNER JOIN "pg_attribute" "a" ON "a"."attrelid" = "t"."oid"  AND "a"."attnum" = ANY ("ix"."indkey") INNER JOIN "pg_namespace" "ns" ON "ns"."oid" = "t"."relnamespace" INNER JOIN "pg_class" "i" ON "i"."oid" = "ix"."indexrelid" INNER JOIN "pg_type" "types" ON "types"."oid" = "a"."atttypid" INNER JOIN "pg_am" "am" ON "i"."relam" = "am"."oid" LEFT JOIN "pg_constraint" "cnst" ON "cnst"."conname" = "i"."relname" WHERE "t"."relkind" IN ('r', 'p') AND "cnst"."contype" IS NULL AND (("ns"."nspname" = 'public' AND "t"."relname" = 'users') OR ("ns"."nspname" = 'public' AND "t"."relname" = 'posts'))
;;
-- #10 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "con"."conname" AS "constraint_name", "con"."nspname" AS "table_schema", "con"."relname" AS "table_name", "att2"."attname" AS "column_name", "ns"."nspname" AS "referenced_table_schema", "cl"."relname" AS "referenced_table_name", "att"."attname" AS "referenced_column_name", "con"."confdeltype" AS "on_delete", "con"."confupdtype" AS "on_update", "con"."condeferrable" AS "deferrable", "con"."condeferred" AS "deferred" FROM ( SELECT UNNEST ("con1"."conkey") AS "parent", UNNEST ("con1"."confkey") AS "child", "con1"."confrelid", "con1"."conrelid", "con1"."conname", "con1"."contype", "ns"."nspname", "cl"."relname", "con1"."condeferrable", CASE WHEN "con1"."condeferred" THEN 'INITIALLY DEFERRED' ELSE 'INITIALLY IMMEDIATE' END as condeferred, CASE "con1"."confdeltype" WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END as "confdeltype", CASE "con1"."confupdtype" WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END as "confupdtype" FROM "pg_class" "cl" INNER JOIN "pg_namespace" "ns" ON "cl"."relnamespace" = "ns"."oid" INNER JOIN "pg_constraint" "con1" ON "con1"."conrelid" = "cl"."oid" WHERE "con1"."contype" = 'f' AND (("ns"."nspname" = 'public' AND "cl"."relname" = 'users') OR ("ns"."nspname" = 'public' AND "cl"."relname" = 'posts')) ) "con" INNER JOIN "pg_attribute" "att" ON "att"."attrelid" = "con"."confrelid" AND "att"."attnum" = "con"."child" INNER JOIN "pg_class" "cl" ON "cl"."oid" = "con"."confrelid"  AND "cl"."relispartition" = 'f'INNER JOIN "pg_namespace" "ns" ON "cl"."relnamespace" = "ns"."oid" INNER JOIN "pg_attribute" "att2" ON "att2"."attrelid" = "con"."conrelid" AND "att2"."attnum" = "con"."parent"
;;
-- #11 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "udt_schema", "udt_name" FROM "information_schema"."columns" WHERE "table_schema" = 'public' AND "table_name" = 'users' AND "column_name"='role'
;;
-- #12 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "udt_schema", "udt_name" FROM "information_schema"."columns" WHERE "table_schema" = 'public' AND "table_name" = 'users' AND "column_name"='tags'
;;
-- #13 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "e"."enumlabel" AS "value" FROM "pg_enum" "e" INNER JOIN "pg_type" "t" ON "t"."oid" = "e"."enumtypid" INNER JOIN "pg_namespace" "n" ON "n"."oid" = "t"."typnamespace" WHERE "n"."nspname" = 'public' AND "t"."typname" = 'role' ORDER BY "e"."enumsortorder"
;;
-- #14 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "e"."enumlabel" AS "value" FROM "pg_enum" "e" INNER JOIN "pg_type" "t" ON "t"."oid" = "e"."enumtypid" INNER JOIN "pg_namespace" "n" ON "n"."oid" = "t"."typnamespace" WHERE "n"."nspname" = 'public' AND "t"."typname" = 'text' ORDER BY "e"."enumsortorder"
;;
-- #15 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 'public', $2 = 'typeorm_metadata'
SELECT * FROM "information_schema"."tables" WHERE "table_schema" = $1 AND "table_name" = $2
;;
-- #16 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "externalId" DROP DEFAULT
;;
-- #17 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "users" ALTER COLUMN "externalId" SET DEFAULT gen_random_uuid()
;;
-- #18 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "users" DROP COLUMN "updatedAt"
;;
-- #19 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "users" ADD "updatedAt" TIMESTAMP NOT NULL DEFAULT now()
;;
-- #20 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "posts" DROP COLUMN "title"
;;
-- #21 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "posts" ADD "title" character varying(200) NOT NULL
;;
-- #22 protocol: simple; executed 4x; db=typeorm_app; application_name=[unknown]
COMMIT
;;
-- #23 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 'ann@example.com', $2 = 'Ann', $3 = 'admin', $4 = '30', $5 = '{"x": 1}', $6 = '{a,"b,c"}'
INSERT INTO "users"("email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "externalId", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, DEFAULT, DEFAULT, DEFAULT, $5, $6, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "role", "karma", "active", "externalId", "createdAt", "updatedAt"
;;
-- #24 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 'Hello', $2 = '1', $3 = 'World', $4 = 't', $5 = '1'
INSERT INTO "posts"("id", "title", "body", "published", "createdAt", "author_id") VALUES (DEFAULT, $1, DEFAULT, DEFAULT, DEFAULT, $2), (DEFAULT, $3, DEFAULT, $4, DEFAULT, $5) RETURNING "id", "published", "createdAt"
;;
-- #25 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 'ann@example.com', $2 = 'Ann2'
INSERT INTO "users"("email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "externalId", "createdAt", "updatedAt") VALUES ($1, $2, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) ON CONFLICT ( "email" ) DO UPDATE SET "email" = EXCLUDED."email", "name" = EXCLUDED."name", "updatedAt" = DEFAULT RETURNING "id", "role", "karma", "active", "externalId", "createdAt", "updatedAt"
;;
-- #26 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 't'
SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."name" AS "User_name", "User"."role" AS "User_role", "User"."age" AS "User_age", "User"."karma" AS "User_karma", "User"."active" AS "User_active", "User"."balance" AS "User_balance", "User"."profile" AS "User_profile", "User"."tags" AS "User_tags", "User"."externalId" AS "User_externalId", "User"."createdAt" AS "User_createdAt", "User"."updatedAt" AS "User_updatedAt", "User__User_posts"."id" AS "User__User_posts_id", "User__User_posts"."title" AS "User__User_posts_title", "User__User_posts"."body" AS "User__User_posts_body", "User__User_posts"."published" AS "User__User_posts_published", "User__User_posts"."createdAt" AS "User__User_posts_createdAt", "User__User_posts"."author_id" AS "User__User_posts_author_id" FROM "users" "User" LEFT JOIN "posts" "User__User_posts" ON "User__User_posts"."author_id"="User"."id" WHERE (("User"."active" = $1)) ORDER BY "User"."id" ASC
;;
-- #27 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = '18'
SELECT "u"."id" AS "u_id", "u"."email" AS "u_email", "u"."name" AS "u_name", "u"."role" AS "u_role", "u"."age" AS "u_age", "u"."karma" AS "u_karma", "u"."active" AS "u_active", "u"."balance" AS "u_balance", "u"."profile" AS "u_profile", "u"."tags" AS "u_tags", "u"."externalId" AS "u_externalId", "u"."createdAt" AS "u_createdAt", "u"."updatedAt" AS "u_updatedAt", "p"."id" AS "p_id", "p"."title" AS "p_title", "p"."body" AS "p_body", "p"."published" AS "p_published", "p"."createdAt" AS "p_createdAt", "p"."author_id" AS "p_author_id" FROM "users" "u" LEFT JOIN "posts" "p" ON "p"."author_id"="u"."id" WHERE "u"."age" >= $1
;;
-- #28 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = '7', $2 = '1'
UPDATE "users" SET "karma" = $1, "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = $2
;;
-- #29 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 'World'
DELETE FROM "posts" WHERE "title" = $1
;;
-- #30 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 't', $2 = '1'
UPDATE "posts" SET "published" = $1 WHERE "author_id" = $2
;;
