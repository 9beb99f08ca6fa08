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

drop table users restrict

drop table posts, users

drop table nope

drop table if exists nope

drop table if exists nope, other

drop index nope

drop index if exists nope

drop sequence nope

drop sequence if exists nope

drop index users

drop table users_id_seq

drop sequence users

drop index users_email_key

drop index users_pkey

drop sequence users_id_seq

drop index concurrently posts_author_idx

drop index posts_author_idx

-- nopg: schemas other than public are not supported yet (PostgreSQL: 3F000)
drop table other.users

-- CASCADE drops the foreign keys that reference users; their rows stay
drop table users cascade

select count(*) from comments

insert into posts (author_id, editor_id) values (99, 99)

drop sequence posts_id_seq cascade

insert into posts (id, author_id) values (5, 5)

drop table comments, posts

drop table comments
