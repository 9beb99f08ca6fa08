-- CREATE TABLE / INDEX as ORMs and migration tools write them
-- (ALTER TABLE ... ADD CONSTRAINT, which they use for foreign keys, is not
-- part of this file).

-- drizzle-kit
CREATE TABLE IF NOT EXISTS "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);

-- drizzle-kit
CREATE TABLE IF NOT EXISTS "posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"author_id" integer NOT NULL,
	"title" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"price" numeric(10, 2) DEFAULT '0'
);

-- drizzle-kit
CREATE INDEX IF NOT EXISTS "posts_author_idx" ON "posts" USING btree ("author_id");

-- Prisma
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- Prisma
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- Sequelize
CREATE TABLE IF NOT EXISTS "Accounts" ("id"   SERIAL , "email" VARCHAR(255) NOT NULL UNIQUE, "userId" INTEGER REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));

-- TypeORM
CREATE TABLE "photo" ("id" SERIAL NOT NULL, "url" character varying NOT NULL, "userId" integer, "uuid" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_723fa50bf70dcfd06fb5a44d4ff" PRIMARY KEY ("id"))

-- knex
create table "knex_migrations" ("id" serial primary key, "name" varchar(255), "batch" integer, "migration_time" timestamptz)

-- the DROP at the end of a down migration
DROP TABLE IF EXISTS "posts" CASCADE
