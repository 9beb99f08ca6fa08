-- CREATE TABLE errors, as PostgreSQL 15 reports them.
-- pg: create table users (id serial primary key, email text unique)
-- sqlite: CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
-- sqlite: INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'users', 'id', NULL)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "email" text, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))

create table users (id int)

create table x (a foo)

create table x (a public.foo)

create table x (a int references nope)

create table x (a int references users(nope))

create table x (a int, a int)

create table x (a int primary key, b int primary key)

create table x (a int, primary key (zz))

create table x (a int, unique (zz))

create table x (a int check (zz > 0))

create table x (a int default b)

create table x (a int default 'abc'::text)

create table x (a int default (select 1))

create table x (a int check (a > (select 1)))

create table x (a int check (a))

create table x (a int null not null)

create table x (a int default 1 default 2)

create table x (a int generated always as identity generated always as identity)

create table x (a int generated always as identity default 5)

create table x (a serial default 5)

create table x (a text generated always as identity)

create table x (a int not null deferrable)

create table x (a int, primary key (a, a))

create table x (a int, unique (a, a))

create table x (a int, constraint c1 check (a > 0), constraint c1 check (a < 10))

create table x (a int references x)

create table y (a text references users)

create table y (a numeric references users)

create table y (a int, b int, foreign key (a, b) references users)

create table y (a int, b int, foreign key (a) references users (id, email))

create table y (a int, b int, constraint f foreign key (a) references users, constraint f foreign key (b) references users)

create table y (a int, b int, constraint f check (a > 0), constraint f unique (b))

create table y (a int, b int, constraint f unique (a), constraint f unique (b))

create table y (a int, constraint users_pkey unique (a))

create table x (a serial[])

create table x (a int, b int default 'x')

create table x (a date default '2024-02-30')
