-- prisma-client-queries
-- 14 distinct statements (16 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 2x; db=prisma_app; application_name=[unknown]
BEGIN
;;
-- #2 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = 'ann@example.com', $2 = 'Ann', $3 = 'admin', $4 = '30', $5 = '0', $6 = 't', $7 = '12.50', $8 = '{"x": 1}', $9 = '{a,"b,c"}', $10 = '2026-11-21 23:55:22.698+00', $11 = 'anon'
INSERT INTO "public"."users" ("email","name","role","age","karma","active","balance","profile","tags","created_at","nickname") VALUES ($1,$2,CAST($3::text AS "public"."role"),$4,$5,$6,$7,$8,$9,$10,$11) RETURNING "public"."users"."id"
;;
-- #3 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '1', $2 = 'Hello', $3 = '', $4 = 'f', $5 = '2026-11-21 23:55:22.698', $6 = '1', $7 = 'World', $8 = '', $9 = 't', $10 = '2026-11-21 23:55:22.698'
INSERT INTO "public"."posts" ("author_id","title","body","published","created_at") VALUES ($1,$2,$3,$4,$5), ($6,$7,$8,$9,$10)
;;
-- #4 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '1', $2 = '1', $3 = '0'
SELECT "public"."users"."id", "public"."users"."email", "public"."users"."name", "public"."users"."role"::text, "public"."users"."age", "public"."users"."karma", "public"."users"."active", "public"."users"."balance", "public"."users"."profile", "public"."users"."tags", "public"."users"."external_id", "public"."users"."created_at", "public"."users"."updated_at", "public"."users"."nickname" FROM "public"."users" WHERE "public"."users"."id" = $1 LIMIT $2 OFFSET $3
;;
-- #5 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '1', $2 = '0'
SELECT "public"."posts"."id", "public"."posts"."author_id", "public"."posts"."title", "public"."posts"."body", "public"."posts"."published", "public"."posts"."created_at" FROM "public"."posts" WHERE "public"."posts"."author_id" = $1 OFFSET $2
;;
-- #6 protocol: simple; executed 2x; db=prisma_app; application_name=[unknown]
COMMIT
;;
-- #7 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = 'ann@example.com', $2 = 'X', $3 = 'member', $4 = '0', $5 = 't', $6 = '2026-11-21 23:55:22.907+00', $7 = 'anon', $8 = 'Ann2', $9 = 'ann@example.com'
INSERT INTO "public"."users" ("email","name","role","karma","active","created_at","nickname") VALUES ($1,$2,CAST($3::text AS "public"."role"),$4,$5,$6,$7) ON CONFLICT ("email") DO UPDATE SET "name" = $8 WHERE ("public"."users"."email" = $9 AND 1=1) RETURNING "public"."users"."id", "public"."users"."email", "public"."users"."name", "public"."users"."role"::text, "public"."users"."age", "public"."users"."karma", "public"."users"."active", "public"."users"."balance", "public"."users"."profile", "public"."users"."tags", "public"."users"."external_id", "public"."users"."created_at", "public"."users"."updated_at", "public"."users"."nickname"
;;
-- #8 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '18', $2 = '0'
SELECT "public"."users"."id", "public"."users"."email", "public"."users"."name", "public"."users"."role"::text, "public"."users"."age", "public"."users"."karma", "public"."users"."active", "public"."users"."balance", "public"."users"."profile", "public"."users"."tags", "public"."users"."external_id", "public"."users"."created_at", "public"."users"."updated_at", "public"."users"."nickname" FROM "public"."users" WHERE "public"."users"."age" >= $1 OFFSET $2
;;
-- #9 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = 't', $2 = '1', $3 = '0'
SELECT "public"."posts"."id", "public"."posts"."author_id", "public"."posts"."title", "public"."posts"."body", "public"."posts"."published", "public"."posts"."created_at" FROM "public"."posts" WHERE ("public"."posts"."published" = $1 AND "public"."posts"."author_id" IN ($2)) ORDER BY "public"."posts"."id" DESC OFFSET $3
;;
-- #10 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = 't', $2 = '1'
UPDATE "public"."posts" SET "published" = $1 WHERE "public"."posts"."author_id" = $2
;;
-- #11 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '0'
SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."posts"."id" FROM "public"."posts" WHERE 1=1 OFFSET $1) AS "sub"
;;
-- #12 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '0'
SELECT MAX("age") AS "_max$age" FROM (SELECT "public"."users"."age" FROM "public"."users" WHERE 1=1 OFFSET $1) AS "sub"
;;
-- #13 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = 'World'
DELETE FROM "public"."posts" WHERE "public"."posts"."title" = $1
;;
-- #14 protocol: extended, unnamed; executed 1x; db=prisma_app; application_name=[unknown]
-- parameters: $1 = '1', $2 = '1'
UPDATE "public"."users" SET "karma" = ("public"."users"."karma" + $1) WHERE ("public"."users"."id" = $2 AND 1=1) RETURNING "public"."users"."id", "public"."users"."email", "public"."users"."name", "public"."users"."role"::text, "public"."users"."age", "public"."users"."karma", "public"."users"."active", "public"."users"."balance", "public"."users"."profile", "public"."users"."tags", "public"."users"."external_id", "public"."users"."created_at", "public"."users"."updated_at", "public"."users"."nickname"
;;
