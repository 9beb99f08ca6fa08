-- DROP TABLE / INDEX / SEQUENCE: IF EXISTS, wrong kinds, dependencies,
-- CASCADE, owned sequences.
-- pg: create table users (id serial primary key, email text unique)
-- pg: create table posts (id serial primary key, author_id int references users on delete cascade, editor_id int references users)
-- pg: create table comments (id serial primary key, post_id int references posts on delete cascade, user_id int references users)
-- pg: create index posts_author_idx on posts (author_id)
-- pg: insert into users (email) values ('a')
-- pg: insert into posts (author_id, editor_id) values (1, 1)
-- pg: insert into comments (post_id, user_id) values (1, 1)
-- sqlite: CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
-- sqlite: INSERT INTO main._lg_sequence VALUES ('users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'users', 'id', NULL), ('posts_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'posts', 'id', NULL), ('comments_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, 1, 0, 'comments', 'id', NULL)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL DEFAULT (nextval('users_id_seq')), "email" text, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))
-- sqlite: CREATE TABLE "posts" ("id" int4 NOT NULL DEFAULT (nextval('posts_id_seq')), "author_id" int4, "editor_id" int4, CONSTRAINT "posts_pkey" PRIMARY KEY ("id"), CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE, CONSTRAINT "posts_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users" ("id"))
-- sqlite: CREATE TABLE "comments" ("id" int4 NOT NULL DEFAULT (nextval('comments_id_seq')), "post_id" int4, "user_id" int4, CONSTRAINT "comments_pkey" PRIMARY KEY ("id"), CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE, CONSTRAINT "comments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id"))
-- sqlite: CREATE INDEX "posts_author_idx" ON "posts" ("author_id")
-- sqlite: INSERT INTO users (email) VALUES ('a')
-- sqlite: INSERT INTO posts (author_id, editor_id) VALUES (1, 1)
-- sqlite: INSERT INTO comments (post_id, user_id) VALUES (1, 1)

drop table users
=> ERROR 2BP01 cannot drop table users because other objects depend on it
   detail: constraint posts_author_id_fkey on table posts depends on table users
constraint posts_editor_id_fkey on table posts depends on table users
constraint comments_user_id_fkey on table comments depends on table users
   hint: Use DROP ... CASCADE to drop the dependent objects too.

drop table users restrict
=> ERROR 2BP01 cannot drop table users because other objects depend on it
   detail: constraint posts_author_id_fkey on table posts depends on table users
constraint posts_editor_id_fkey on table posts depends on table users
constraint comments_user_id_fkey on table comments depends on table users
   hint: Use DROP ... CASCADE to drop the dependent objects too.

drop table posts, users
=> ERROR 2BP01 cannot drop desired object(s) because other objects depend on them
   detail: constraint comments_user_id_fkey on table comments depends on table users
constraint comments_post_id_fkey on table comments depends on table posts
   hint: Use DROP ... CASCADE to drop the dependent objects too.

drop table nope
=> ERROR 42P01 table "nope" does not exist

drop table if exists nope
   tag: DROP TABLE [ddl] [writes]

drop table if exists nope, other
   tag: DROP TABLE [ddl] [writes]

drop index nope
=> ERROR 42704 index "nope" does not exist

drop index if exists nope
   tag: DROP INDEX [ddl] [writes]

drop sequence nope
=> ERROR 42P01 sequence "nope" does not exist

drop sequence if exists nope
   tag: DROP SEQUENCE [ddl] [writes]

drop index users
=> ERROR 42809 "users" is not an index
   hint: Use DROP TABLE to remove a table.

drop table users_id_seq
=> ERROR 42809 "users_id_seq" is not a table
   hint: Use DROP SEQUENCE to remove a sequence.

drop sequence users
=> ERROR 42809 "users" is not a sequence
   hint: Use DROP TABLE to remove a table.

drop index users_email_key
=> ERROR 2BP01 cannot drop index users_email_key because constraint users_email_key on table users requires it
   hint: You can drop constraint users_email_key on table users instead.

drop index users_pkey
=> ERROR 2BP01 cannot drop index users_pkey because constraint users_pkey on table users requires it
   hint: You can drop constraint users_pkey on table users instead.

drop sequence users_id_seq
=> ERROR 2BP01 cannot drop sequence users_id_seq because other objects depend on it
   detail: default value for column id of table users depends on sequence users_id_seq
   hint: Use DROP ... CASCADE to drop the dependent objects too.

drop index concurrently posts_author_idx
=> DROP INDEX main."posts_author_idx"
   tag: DROP INDEX [ddl] [writes]

drop index posts_author_idx
=> ERROR 42704 index "posts_author_idx" does not exist

-- nopg: schemas other than public are not supported yet (PostgreSQL: 3F000)
drop table other.users
=> ERROR 0A000 feature not supported: schema "other"

-- CASCADE drops the foreign keys that reference users; their rows stay
drop table users cascade
=> PRAGMA writable_schema = ON
=> UPDATE main.sqlite_schema SET sql = 'CREATE TABLE "posts" ("id" int4 NOT NULL DEFAULT (nextval(''posts_id_seq'')), "author_id" int4, "editor_id" int4, CONSTRAINT "posts_pkey" PRIMARY KEY ("id"))' WHERE type = 'table' AND name = 'posts'
=> UPDATE main.sqlite_schema SET sql = 'CREATE TABLE "comments" ("id" int4 NOT NULL DEFAULT (nextval(''comments_id_seq'')), "post_id" int4, "user_id" int4, CONSTRAINT "comments_pkey" PRIMARY KEY ("id"), CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE)' WHERE type = 'table' AND name = 'comments'
=> PRAGMA writable_schema = RESET
=> CREATE TABLE main._lg_schema_bump (x)
=> DROP TABLE main._lg_schema_bump
=> DROP TABLE main."users"
=> DELETE FROM main._lg_sequence WHERE owner_table = 'users'
   tag: DROP TABLE [ddl] [writes]

select count(*) from comments
=> SELECT count(*) AS "count" FROM "comments"
   columns: count int8
   tag: SELECT <n>
   | 1 |

insert into posts (author_id, editor_id) values (99, 99)
=> INSERT INTO "posts" ("author_id", "editor_id") VALUES (99, 99)
   tag: INSERT 0 <n> [writes]
   changes: 1

drop sequence posts_id_seq cascade
=> PRAGMA writable_schema = ON
=> UPDATE main.sqlite_schema SET sql = 'CREATE TABLE "posts" ("id" int4 NOT NULL, "author_id" int4, "editor_id" int4, CONSTRAINT "posts_pkey" PRIMARY KEY ("id"))' WHERE type = 'table' AND name = 'posts'
=> PRAGMA writable_schema = RESET
=> CREATE TABLE main._lg_schema_bump (x)
=> DROP TABLE main._lg_schema_bump
=> DELETE FROM main._lg_sequence WHERE name = 'posts_id_seq' AND _lg_seq_forget('main', 'posts_id_seq', 1)
   tag: DROP SEQUENCE [ddl] [writes]

insert into posts (id, author_id) values (5, 5)
=> INSERT INTO "posts" ("id", "author_id") VALUES (5, 5)
   tag: INSERT 0 <n> [writes]
   changes: 1

drop table comments, posts
=> DROP TABLE main."comments"
=> DELETE FROM main._lg_sequence WHERE owner_table = 'comments'
=> DROP TABLE main."posts"
   tag: DROP TABLE [ddl] [writes]

drop table comments
=> ERROR 42P01 table "comments" does not exist

