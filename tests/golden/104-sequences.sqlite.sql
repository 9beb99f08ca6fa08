-- CREATE / ALTER / DROP SEQUENCE (nextval & co. are unit-tested in
-- tests/unit/test_schema.c until the translator knows the functions).

create sequence s
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('s', 20, 1, 1, 1, 9223372036854775807, 1, 0, _lg_seq_forget('main', 's', 1), 0, NULL, NULL, NULL)
   tag: CREATE SEQUENCE [ddl] [writes]

create sequence s
=> ERROR 42P07 relation "s" already exists

create sequence if not exists s
   tag: CREATE SEQUENCE

create sequence s2 as smallint increment by 2 start with 10 minvalue 5 maxvalue 20 cycle cache 5
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('s2', 21, 10, 2, 5, 20, 5, 1, _lg_seq_forget('main', 's2', 10), 0, NULL, NULL, NULL)
   tag: CREATE SEQUENCE [ddl] [writes]

alter sequence s2 restart
=> UPDATE main._lg_sequence SET type = 21, start_value = 10, increment_by = 2, min_value = 5, max_value = 20, cache_size = 5, cycle = 1, last_value = _lg_seq_forget('main', 's2', 10), is_called = 0 WHERE name = 's2'
   tag: ALTER SEQUENCE [ddl] [writes]

alter sequence s restart with 50
=> UPDATE main._lg_sequence SET type = 20, start_value = 1, increment_by = 1, min_value = 1, max_value = 9223372036854775807, cache_size = 1, cycle = 0, last_value = _lg_seq_forget('main', 's', 50), is_called = 0 WHERE name = 's'
   tag: ALTER SEQUENCE [ddl] [writes]

alter sequence s increment by 3 maxvalue 100 no cycle
=> UPDATE main._lg_sequence SET type = 20, start_value = 1, increment_by = 3, min_value = 1, max_value = 100, cache_size = 1, cycle = 0 WHERE name = 's'
   tag: ALTER SEQUENCE [ddl] [writes]

alter sequence nope restart
=> ERROR 42P01 relation "nope" does not exist

alter sequence if exists nope restart
   tag: ALTER SEQUENCE

create sequence bad start with 0
=> ERROR 22023 START value (0) cannot be less than MINVALUE (1)

create sequence bad minvalue 10 maxvalue 5
=> ERROR 22023 MINVALUE (10) must be less than MAXVALUE (5)

create sequence bad increment by 0
=> ERROR 22023 INCREMENT must not be zero

create sequence bad as text
=> ERROR 22023 sequence type must be smallint, integer, or bigint

create sequence bad as smallint maxvalue 100000
=> ERROR 22023 MAXVALUE (100000) is out of range for sequence data type smallint

create sequence bad cache 0
=> ERROR 22023 CACHE (0) must be greater than zero

create sequence bad increment 1 increment 2
=> ERROR 42601 conflicting or redundant options (position 33)

create table tab (id int)
=> CREATE TABLE "tab" ("id" int4)
   tag: CREATE TABLE [ddl] [writes]

create sequence owned owned by tab.id
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('owned', 20, 1, 1, 1, 9223372036854775807, 1, 0, _lg_seq_forget('main', 'owned', 1), 0, 'tab', 'id', NULL)
   tag: CREATE SEQUENCE [ddl] [writes]

create sequence owned2 owned by tab.nope
=> ERROR 42703 column "nope" of relation "tab" does not exist

create sequence owned2 owned by nope.x
=> ERROR 42P01 relation "nope" does not exist

alter sequence tab restart
=> ERROR 42809 "tab" is not a sequence

drop table tab
=> DROP TABLE main."tab"
=> DELETE FROM main._lg_sequence WHERE owner_table = 'tab'
   tag: DROP TABLE [ddl] [writes]

drop sequence owned
=> ERROR 42P01 sequence "owned" does not exist

drop sequence s, s2
=> DELETE FROM main._lg_sequence WHERE name = 's' AND _lg_seq_forget('main', 's', 1)
=> DELETE FROM main._lg_sequence WHERE name = 's2' AND _lg_seq_forget('main', 's2', 1)
   tag: DROP SEQUENCE [ddl] [writes]

drop sequence s
=> ERROR 42P01 sequence "s" does not exist

