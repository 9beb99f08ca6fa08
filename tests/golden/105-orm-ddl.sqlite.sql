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
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'users_id_seq', 1), 0, 'users', 'id', NULL)
=> CREATE TABLE "users" ("id" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "email" varchar(255) NOT NULL, "name" text, "created_at" timestamptz TEXT NOT NULL DEFAULT (lg_now()), CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_unique" UNIQUE ("email"))
   tag: CREATE TABLE [ddl] [writes]

-- drizzle-kit
CREATE TABLE IF NOT EXISTS "posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"author_id" integer NOT NULL,
	"title" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"price" numeric(10, 2) DEFAULT '0'
);
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('posts_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'posts_id_seq', 1), 0, 'posts', 'id', 'a')
=> CREATE TABLE "posts" ("id" int4 NOT NULL DEFAULT (nextval('posts_id_seq')), "author_id" int4 NOT NULL, "title" text NOT NULL, "published" bool NOT NULL DEFAULT (0), "price" numeric TEXT(10,2) COLLATE lg_numeric DEFAULT ('0.00'), CONSTRAINT "posts_pkey" PRIMARY KEY ("id"))
   tag: CREATE TABLE [ddl] [writes]

-- drizzle-kit
CREATE INDEX IF NOT EXISTS "posts_author_idx" ON "posts" USING btree ("author_id");
=> CREATE INDEX main."posts_author_idx" ON "posts" ("author_id")
   tag: CREATE INDEX [ddl] [writes]

-- Prisma
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('User_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'User_id_seq', 1), 0, 'User', 'id', NULL)
=> CREATE TABLE "User" ("id" int4 NOT NULL DEFAULT (nextval('"User_id_seq"')), "email" text NOT NULL, "name" text, "createdAt" timestamp TEXT(3) NOT NULL DEFAULT (lg_cast(lg_now(), 1184, 1114, 3)), "updatedAt" timestamp TEXT(3) NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"))
   tag: CREATE TABLE [ddl] [writes]

-- Prisma
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
=> CREATE UNIQUE INDEX main."User_email_key" ON "User" ("email")
   tag: CREATE INDEX [ddl] [writes]

-- Sequelize
CREATE TABLE IF NOT EXISTS "Accounts" ("id"   SERIAL , "email" VARCHAR(255) NOT NULL UNIQUE, "userId" INTEGER REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('Accounts_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'Accounts_id_seq', 1), 0, 'Accounts', 'id', NULL)
=> CREATE TABLE "Accounts" ("id" int4 NOT NULL DEFAULT (nextval('"Accounts_id_seq"')), "email" varchar(255) NOT NULL, "userId" int4, "createdAt" timestamptz TEXT NOT NULL, CONSTRAINT "Accounts_pkey" PRIMARY KEY ("id"), CONSTRAINT "Accounts_email_key" UNIQUE ("email"), CONSTRAINT "Accounts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE)
   tag: CREATE TABLE [ddl] [writes]

-- TypeORM
CREATE TABLE "photo" ("id" SERIAL NOT NULL, "url" character varying NOT NULL, "userId" integer, "uuid" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_723fa50bf70dcfd06fb5a44d4ff" PRIMARY KEY ("id"))
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('photo_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'photo_id_seq', 1), 0, 'photo', 'id', NULL)
=> CREATE TABLE "photo" ("id" int4 NOT NULL DEFAULT (nextval('photo_id_seq')), "url" varchar NOT NULL, "userId" int4, "uuid" uuid TEXT NOT NULL DEFAULT (lg_gen_random_uuid()), CONSTRAINT "PK_723fa50bf70dcfd06fb5a44d4ff" PRIMARY KEY ("id"))
   tag: CREATE TABLE [ddl] [writes]

-- knex
create table "knex_migrations" ("id" serial primary key, "name" varchar(255), "batch" integer, "migration_time" timestamptz)
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('knex_migrations_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'knex_migrations_id_seq', 1), 0, 'knex_migrations', 'id', NULL)
=> CREATE TABLE "knex_migrations" ("id" int4 NOT NULL DEFAULT (nextval('knex_migrations_id_seq')), "name" varchar(255), "batch" int4, "migration_time" timestamptz TEXT, CONSTRAINT "knex_migrations_pkey" PRIMARY KEY ("id"))
   tag: CREATE TABLE [ddl] [writes]

-- the DROP at the end of a down migration
DROP TABLE IF EXISTS "posts" CASCADE
=> DROP TABLE main."posts"
=> DELETE FROM main._lg_sequence WHERE owner_table = 'posts'
   tag: DROP TABLE [ddl] [writes]

