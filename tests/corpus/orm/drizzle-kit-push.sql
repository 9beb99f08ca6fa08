-- drizzle-kit-push
-- 12 distinct statements (12 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
SELECT
	    n.nspname AS table_schema,
	    c.relname AS table_name,
	    CASE
	        WHEN c.relkind = 'r' THEN 'table'
	        WHEN c.relkind = 'v' THEN 'view'
	        WHEN c.relkind = 'm' THEN 'materialized_view'
	    END AS type,
		c.relrowsecurity AS rls_enabled
	FROM
	    pg_catalog.pg_class c
	JOIN
	    pg_catalog.pg_namespace n ON n.oid = c.relnamespace
	WHERE
		c.relkind IN ('r', 'v', 'm')
	     AND n.nspname = 'public';
;;
-- #2 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
select s.nspname as table_schema
	  from pg_catalog.pg_namespace s
	  join pg_catalog.pg_user u on u.usesysid = s.nspowner
	  where nspname not in ('information_schema', 'pg_catalog', 'public')
	        and nspname not like 'pg_toast%'
	        and nspname not like 'pg_temp_%'
	  order by table_schema;
;;
-- #3 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
select schemaname, sequencename, start_value, min_value, max_value, increment_by, cycle, cache_size from pg_sequences as seq WHERE schemaname = 'public';
;;
-- #4 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
select n.nspname as enum_schema,
	  t.typname as enum_name,
	  e.enumlabel as enum_value,
	  e.enumsortorder as sort_order
	  from pg_type t
	  join pg_enum e on t.oid = e.enumtypid
	  join pg_catalog.pg_namespace n ON n.oid = t.typnamespace
	   WHERE n.nspname = 'public'
	  order by enum_schema, enum_name, sort_order;
;;
-- #5 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
SELECT rolname, rolinherit, rolcreatedb, rolcreaterole FROM pg_roles;
;;
-- #6 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
SELECT schemaname, tablename, policyname as name, permissive as "as", roles as to, cmd as for, qual as using, with_check as "withCheck" FROM pg_policies WHERE schemaname = 'public';
;;
-- #7 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
CREATE TYPE "public"."role" AS ENUM('admin', 'member', 'guest');
;;
-- #8 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
CREATE TABLE "posts" (
		"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
		"author_id" integer NOT NULL,
		"title" varchar(200) NOT NULL,
		"body" text,
		"published" boolean DEFAULT false,
		"created_at" timestamp DEFAULT now()
	);
;;
-- #9 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
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
-- #10 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
;;
-- #11 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id");
;;
-- #12 protocol: simple; executed 1x; db=drizzle_push; application_name=[unknown]
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
;;
