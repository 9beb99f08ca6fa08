-- sequelize-queries
-- 11 distinct statements (12 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 2x; db=sequelize_app; application_name=[unknown]
SET client_min_messages TO warning;SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE;
;;
-- #2 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
WITH ranges AS (  SELECT pg_range.rngtypid, pg_type.typname AS rngtypname,         pg_type.typarray AS rngtyparray, pg_range.rngsubtype    FROM pg_range LEFT OUTER JOIN pg_type ON pg_type.oid = pg_range.rngtypid)SELECT pg_type.typname, pg_type.typtype, pg_type.oid, pg_type.typarray,       ranges.rngtypname, ranges.rngtypid, ranges.rngtyparray  FROM pg_type LEFT OUTER JOIN ranges ON pg_type.oid = ranges.rngsubtype WHERE (pg_type.typtype IN('b', 'e'));
;;
-- #3 protocol: extended, unnamed; executed 1x; db=sequelize_app; application_name=[unknown]
-- parameters: $1 = 'ann@example.com', $2 = 'Ann', $3 = 'member', $4 = '30', $5 = '0', $6 = 't', $7 = '{"x": 1}', $8 = '{a,"b,c"}', $9 = 'f0cd40ce-db83-43e1-b8c1-0bcb4842ffed', $10 = '2026-11-21 23:54:23.177+00', $11 = '2026-11-21 23:54:23.177+00'
INSERT INTO "users" ("id","email","name","role","age","karma","active","profile","tags","externalId","seenAt","createdAt","updatedAt") VALUES (DEFAULT,$1,$2,$3,$4,$5,$6,$7,$8,$9,now(),$10,$11) RETURNING "id","email","name","role","age","karma","active","balance","profile","tags","externalId","seenAt","createdAt","updatedAt";
;;
-- #4 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
INSERT INTO "posts" ("id","title","published","createdAt","updatedAt","authorId") VALUES (DEFAULT,'Hello',false,'2026-11-21 23:54:23.248 +00:00','2026-11-21 23:54:23.248 +00:00',1),(DEFAULT,'World',true,'2026-11-21 23:54:23.248 +00:00','2026-11-21 23:54:23.248 +00:00',1) RETURNING "id","title","body","published","createdAt","updatedAt","authorId";
;;
-- #5 protocol: extended, unnamed; executed 1x; db=sequelize_app; application_name=[unknown]
-- parameters: $1 = '1', $2 = 'ann@example.com', $3 = 'Ann2', $4 = 'member', $5 = '0', $6 = 't', $7 = 'ca3ad74f-11ab-452a-8351-7d192593ef33', $8 = '2026-11-21 23:54:23.264+00', $9 = '2026-11-21 23:54:23.264+00'
INSERT INTO "users" ("id","email","name","role","karma","active","externalId","seenAt","createdAt","updatedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,now(),$8,$9) ON CONFLICT ("id") DO UPDATE SET "email"=EXCLUDED."email","name"=EXCLUDED."name","id"=EXCLUDED."id","updatedAt"=EXCLUDED."updatedAt" RETURNING "id","email","name","role","age","karma","active","balance","profile","tags","externalId","seenAt","createdAt","updatedAt";
;;
-- #6 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT "User"."id", "User"."email", "User"."name", "User"."role", "User"."age", "User"."karma", "User"."active", "User"."balance", "User"."profile", "User"."tags", "User"."externalId", "User"."seenAt", "User"."createdAt", "User"."updatedAt", "posts"."id" AS "posts.id", "posts"."title" AS "posts.title", "posts"."body" AS "posts.body", "posts"."published" AS "posts.published", "posts"."createdAt" AS "posts.createdAt", "posts"."updatedAt" AS "posts.updatedAt", "posts"."authorId" AS "posts.authorId" FROM "users" AS "User" LEFT OUTER JOIN "posts" AS "posts" ON "User"."id" = "posts"."authorId" WHERE "User"."age" >= 18;
;;
-- #7 protocol: extended, unnamed; executed 1x; db=sequelize_app; application_name=[unknown]
-- parameters: $1 = '7', $2 = '2026-11-21 23:54:23.288+00', $3 = '1'
UPDATE "users" SET "karma"=$1,"updatedAt"=$2 WHERE "id" = $3
;;
-- #8 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
START TRANSACTION;
;;
-- #9 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
DELETE FROM "posts" WHERE "title" = 'World'
;;
-- #10 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
COMMIT;
;;
-- #11 protocol: simple; executed 1x; db=sequelize_app; application_name=[unknown]
SELECT count(*) AS "count" FROM "posts" AS "Post";
;;
