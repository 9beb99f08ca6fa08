-- drizzle-kit-migrate
-- 12 distinct statements (12 executions), in order of first appearance.
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
CREATE TYPE "public"."role" AS ENUM('admin', 'member', 'guest');
;;
-- #6 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	CREATE TABLE "posts" (
		"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
		"author_id" integer NOT NULL,
		"title" varchar(200) NOT NULL,
		"body" text,
		"published" boolean DEFAULT false,
		"created_at" timestamp DEFAULT now()
	);
;;
-- #7 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	CREATE TABLE "users" (
		"id" serial PRIMARY KEY NOT NULL,
		"email" varchar(255) NOT NULL,
		"name" text NOT NULL,
		"role" "role" DEFAULT 'member' NOT NULL,
		"age" integer,
		"karma" bigint DEFAULT 0,
		"active" boolean DEFAULT true NOT NULL,
		"balance" numeric(12, 2),
		"profile" jsonb,
		"tags" text[],
		"external_id" uuid DEFAULT gen_random_uuid(),
		"created_at" timestamp with time zone DEFAULT now() NOT NULL,
		"updated_at" timestamp,
		CONSTRAINT "age_check" CHECK ("users"."age" >= 0)
	);
;;
-- #8 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
;;
-- #9 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id");
;;
-- #10 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
	CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
;;
-- #11 protocol: extended, unnamed; executed 1x; db=drizzle_migrate; application_name=[unknown]
-- parameters: $1 = '2b1afc443aeadd95179e72b1fc702d41a42096b3162328f91ba6df62ee93e76b', $2 = '1795305141836'
insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values($1, $2)
;;
-- #12 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
commit
;;
