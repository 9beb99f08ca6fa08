-- CREATE INDEX: default names (t_col_idx, numbered on collision), expression
-- and partial indexes, access methods.
-- pg: create table users (id serial primary key, email text unique, name text, score numeric(10,2))
-- sqlite: CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
-- sqlite: INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'users', 'id', NULL)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "email" text, "name" text, "score" numeric TEXT(10,2) COLLATE lg_numeric, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))

create index on users (name)
=> CREATE INDEX main."users_name_idx" ON "users" ("name")
   tag: CREATE INDEX [ddl] [writes]

create index on users (name)
=> CREATE INDEX main."users_name_idx1" ON "users" ("name")
   tag: CREATE INDEX [ddl] [writes]

create index on users (lower(email))
=> CREATE INDEX main."users_lower_idx" ON "users" ((lower("email")) /*lg:25 lower(email)*/)
   tag: CREATE INDEX [ddl] [writes]

create index on users ((email || 'x'))
=> CREATE INDEX main."users_expr_idx" ON "users" (("email" || 'x') /*lg:25 (email || 'x')*/)
   tag: CREATE INDEX [ddl] [writes]

create index on users (name, email)
=> CREATE INDEX main."users_name_email_idx" ON "users" ("name", "email")
   tag: CREATE INDEX [ddl] [writes]

create index on users (email text_pattern_ops)
=> CREATE INDEX main."users_email_idx" ON "users" ("email")
   tag: CREATE INDEX [ddl] [writes]

create index on users (email collate "C")
=> CREATE INDEX main."users_email_idx1" ON "users" ("email")
   tag: CREATE INDEX [ddl] [writes]

create index on users (email, email)
=> CREATE INDEX main."users_email_email1_idx" ON "users" ("email", "email")
   tag: CREATE INDEX [ddl] [writes]

create unique index on users (name)
=> CREATE UNIQUE INDEX main."users_name_idx2" ON "users" ("name")
   tag: CREATE INDEX [ddl] [writes]

create index concurrently if not exists users_score_idx on users using btree (score desc nulls last) where score > 0
=> CREATE INDEX main."users_score_idx" ON "users" ("score" DESC) WHERE ("score" > '0' COLLATE lg_numeric)
   tag: CREATE INDEX [ddl] [writes]

create index users_score_idx on users (score)
=> ERROR 42P07 relation "users_score_idx" already exists

create index if not exists users_score_idx on users (score)
   tag: CREATE INDEX

create index users_hash on users using hash (name)
=> CREATE INDEX main."users_hash" ON "users" ("name")
   tag: CREATE INDEX [ddl] [writes]

create unique index on users using hash (name)
=> ERROR 0A000 access method "hash" does not support unique indexes

-- nopg: PostgreSQL has gin (here: no operator class for text); litegres has no gin
create index on users using gin (name)
=> ERROR 0A000 feature not supported: index access method "gin"

create index on users using foo (name)
=> ERROR 42704 access method "foo" does not exist

-- nopg: INCLUDE columns are not supported yet
create index on users (name) include (id)
=> ERROR 0A000 feature not supported: INCLUDE in indexes

create index on nope (a)
=> ERROR 42P01 relation "nope" does not exist

create index on users (nope)
=> ERROR 42703 column "nope" does not exist

create index on users (id desc nulls first, name asc nulls last)
=> CREATE INDEX main."users_id_name_idx" ON "users" ("id" DESC, "name")
   tag: CREATE INDEX [ddl] [writes]

create index users on users (id)
=> ERROR 42P07 relation "users" already exists

