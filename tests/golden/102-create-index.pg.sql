-- CREATE INDEX: default names (t_col_idx, numbered on collision), expression
-- and partial indexes, access methods.
-- pg: create table users (id serial primary key, email text unique, name text, score numeric(10,2))
-- sqlite: CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
-- sqlite: INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'users', 'id', NULL)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "email" text, "name" text, "score" numeric TEXT(10,2) COLLATE lg_numeric, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))

create index on users (name)

create index on users (name)

create index on users (lower(email))

create index on users ((email || 'x'))

create index on users (name, email)

create index on users (email text_pattern_ops)

create index on users (email collate "C")

create index on users (email, email)

create unique index on users (name)

create index concurrently if not exists users_score_idx on users using btree (score desc nulls last) where score > 0

create index users_score_idx on users (score)

create index if not exists users_score_idx on users (score)

create index users_hash on users using hash (name)

create unique index on users using hash (name)

-- nopg: PostgreSQL has gin (here: no operator class for text); litegres has no gin
create index on users using gin (name)

create index on users using foo (name)

-- nopg: INCLUDE columns are not supported yet
create index on users (name) include (id)

create index on nope (a)

create index on users (nope)

create index on users (id desc nulls first, name asc nulls last)

create index users on users (id)
