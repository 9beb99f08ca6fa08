-- typeorm-synchronize-create
-- 13 distinct statements (14 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT version()
;;
-- #2 protocol: simple; executed 2x; db=typeorm_app; application_name=[unknown]
SELECT * FROM current_schema()
;;
-- #3 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
START TRANSACTION
;;
-- #4 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT * FROM current_database()
;;
-- #5 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "table_schema", "table_name", obj_description((quote_ident("table_schema") || '.' || quote_ident("table_name"))::regclass, 'pg_class') AS table_comment FROM "information_schema"."tables" WHERE ("table_schema" = 'public' AND "table_name" = 'users') OR ("table_schema" = 'public' AND "table_name" = 'posts')
;;
-- #6 protocol: extended, unnamed; executed 1x; db=typeorm_app; application_name=[unknown]
-- parameters: $1 = 'public', $2 = 'typeorm_metadata'
SELECT * FROM "information_schema"."tables" WHERE "table_schema" = $1 AND "table_name" = $2
;;
-- #7 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
SELECT "n"."nspname", "t"."typname" FROM "pg_type" "t" INNER JOIN "pg_namespace" "n" ON "n"."oid" = "t"."typnamespace" WHERE "n"."nspname" = 'public' AND "t"."typname" = 'role'
;;
-- #8 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
CREATE TYPE "public"."role" AS ENUM('admin', 'member', 'guest')
;;
-- #9 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying(255) NOT NULL, "name" text NOT NULL, "role" "public"."role" NOT NULL DEFAULT 'member', "age" integer, "karma" bigint NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "balance" numeric(12,2), "profile" jsonb, "tags" text array, "externalId" uuid NOT NULL DEFAULT gen_random_uuid(), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "CHK_d9a889b7f687da9315eef8790a" CHECK ("age" >= 0), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))
;;
-- #10 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
CREATE UNIQUE INDEX "users_email_idx" ON "users"  ("email")
;;
-- #11 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
CREATE TABLE "posts" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "title" character varying(200) NOT NULL, "body" text, "published" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "author_id" integer NOT NULL, CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id"))
;;
-- #12 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
ALTER TABLE "posts" ADD CONSTRAINT "FK_312c63be865c81b922e39c2475e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
;;
-- #13 protocol: simple; executed 1x; db=typeorm_app; application_name=[unknown]
COMMIT
;;
