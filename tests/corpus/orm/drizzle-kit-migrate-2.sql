-- drizzle-kit-migrate-2
-- 17 distinct statements (17 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
CREATE SCHEMA IF NOT EXISTS "drizzle"
;;
-- #2 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
				CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (
					id SERIAL PRIMARY KEY,
					hash text NOT NULL,
					created_at bigint
				)
;;
-- #3 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
select id, hash, created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1
;;
-- #4 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
begin
;;
-- #5 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
ALTER TYPE "public"."role" ADD VALUE 'owner';
;;
-- #6 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "users" DROP CONSTRAINT "age_check";
;;
-- #7 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	DROP INDEX "posts_author_idx";
;;
-- #8 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "posts" ALTER COLUMN "body" SET DATA TYPE varchar(4000);
;;
-- #9 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "posts" ALTER COLUMN "body" SET DEFAULT '';
;;
-- #10 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "posts" ALTER COLUMN "body" SET NOT NULL;
;;
-- #11 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "users" ALTER COLUMN "updated_at" SET DATA TYPE timestamp with time zone;
;;
-- #12 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "users" ADD COLUMN "nickname" varchar(50) DEFAULT 'anon';
;;
-- #13 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	CREATE UNIQUE INDEX "posts_title_idx" ON "posts" USING btree ("title");
;;
-- #14 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","created_at");
;;
-- #15 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "users" ADD CONSTRAINT "age_check" CHECK ("users"."age" >= 18);
;;
-- #16 protocol: extended, unnamed; executed 1x; db=drizzle_migrate; application_name=[unknown]
-- parameters: $1 = '747438a6600591f88ccd617e36a45bb490732a634ccdb39d9e35198ecbf788aa', $2 = '1795305174054'
insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values($1, $2)
;;
-- #17 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
commit
;;
