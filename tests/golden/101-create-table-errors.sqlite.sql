-- CREATE TABLE errors, as PostgreSQL 15 reports them.
-- pg: create table users (id serial primary key, email text unique)
-- sqlite: CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
-- sqlite: INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'users', 'id', NULL)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "email" text, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))

create table users (id int)
=> ERROR 42P07 relation "users" already exists

create table x (a foo)
=> ERROR 42704 type "foo" does not exist (position 19)

create table x (a public.foo)
=> ERROR 42704 type "public.foo" does not exist (position 19)

create table x (a int references nope)
=> ERROR 42P01 relation "nope" does not exist

create table x (a int references users(nope))
=> ERROR 42703 column "nope" referenced in foreign key constraint does not exist

create table x (a int, a int)
=> ERROR 42701 column "a" specified more than once

create table x (a int primary key, b int primary key)
=> ERROR 42P16 multiple primary keys for table "x" are not allowed (position 42)

create table x (a int, primary key (zz))
=> ERROR 42703 column "zz" named in key does not exist (position 24)

create table x (a int, unique (zz))
=> ERROR 42703 column "zz" named in key does not exist (position 24)

create table x (a int check (zz > 0))
=> ERROR 42703 column "zz" does not exist (position 30)

create table x (a int default b)
=> ERROR 0A000 cannot use column reference in DEFAULT expression (position 31)

create table x (a int default 'abc'::text)
=> ERROR 42804 column "a" is of type integer but default expression is of type text
   hint: You will need to rewrite or cast the expression.

create table x (a int default (select 1))
=> ERROR 0A000 cannot use subquery in DEFAULT expression (position 31)

create table x (a int check (a > (select 1)))
=> ERROR 0A000 cannot use subquery in check constraint (position 34)

create table x (a int check (a))
=> ERROR 42804 argument of CHECK must be type boolean, not type integer (position 30)

create table x (a int null not null)
=> ERROR 42601 conflicting NULL/NOT NULL declarations for column "a" of table "x" (position 28)

create table x (a int default 1 default 2)
=> ERROR 42601 multiple default values specified for column "a" of table "x" (position 33)

create table x (a int generated always as identity generated always as identity)
=> ERROR 42601 multiple identity specifications for column "a" of table "x" (position 52)

create table x (a int generated always as identity default 5)
=> ERROR 42601 both default and identity specified for column "a" of table "x" (position 52)

create table x (a serial default 5)
=> ERROR 42601 multiple default values specified for column "a" of table "x"

create table x (a text generated always as identity)
=> ERROR 22023 identity column type must be smallint, integer, or bigint

create table x (a int not null deferrable)
=> ERROR 42601 misplaced DEFERRABLE clause (position 32)

create table x (a int, primary key (a, a))
=> ERROR 42701 column "a" appears twice in primary key constraint (position 24)

create table x (a int, unique (a, a))
=> ERROR 42701 column "a" appears twice in unique constraint (position 24)

create table x (a int, constraint c1 check (a > 0), constraint c1 check (a < 10))
=> ERROR 42710 check constraint "c1" already exists

create table x (a int references x)
=> ERROR 42704 there is no primary key for referenced table "x"

create table y (a text references users)
=> ERROR 42804 foreign key constraint "y_a_fkey" cannot be implemented
   detail: Key columns "a" and "id" are of incompatible types: text and integer.

create table y (a numeric references users)
=> ERROR 42804 foreign key constraint "y_a_fkey" cannot be implemented
   detail: Key columns "a" and "id" are of incompatible types: numeric and integer.

create table y (a int, b int, foreign key (a, b) references users)
=> ERROR 42000 number of referencing and referenced columns for foreign key disagree

create table y (a int, b int, foreign key (a) references users (id, email))
=> ERROR 42000 there is no unique constraint matching given keys for referenced table "users"

create table y (a int, b int, constraint f foreign key (a) references users, constraint f foreign key (b) references users)
=> ERROR 42710 constraint "f" for relation "y" already exists

create table y (a int, b int, constraint f check (a > 0), constraint f unique (b))
=> ERROR 42710 constraint "f" for relation "y" already exists

create table y (a int, b int, constraint f unique (a), constraint f unique (b))
=> ERROR 42P07 relation "f" already exists

create table y (a int, constraint users_pkey unique (a))
=> ERROR 42P07 relation "users_pkey" already exists

create table x (a serial[])
=> ERROR 0A000 array of serial is not implemented (position 19)

create table x (a int, b int default 'x')
=> ERROR 22P02 invalid input syntax for type integer: "x" (position 38)

create table x (a date default '2024-02-30')
=> ERROR 22008 date/time field value out of range: "2024-02-30" (position 32)

