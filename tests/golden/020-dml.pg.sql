-- pg: CREATE TABLE users (id int4 PRIMARY KEY, email varchar(20) NOT NULL UNIQUE, name text DEFAULT 'anon', created_at timestamptz NOT NULL DEFAULT '2026-01-01 00:00:00+00', score numeric(10,2), active bool DEFAULT true)
-- pg: CREATE TABLE posts (id int8 PRIMARY KEY, user_id int4 REFERENCES users(id), title text, views int4 DEFAULT 0)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL, "email" varchar(20) NOT NULL, "name" text DEFAULT ('anon'), "created_at" timestamptz TEXT NOT NULL DEFAULT ('2026-01-01 00:00:00'), "score" numeric TEXT(10,2) COLLATE lg_numeric, "active" bool DEFAULT (1), CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))
-- sqlite: CREATE TABLE "posts" ("id" int8 NOT NULL, "user_id" int4, "title" text, "views" int4 DEFAULT (0), CONSTRAINT "posts_pkey" PRIMARY KEY ("id"), CONSTRAINT "posts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id"))

insert into users (id, email) values (1, 'a@x.io')

insert into users values (2, 'b@x.io', 'Bob', '2026-04-23T10:00:00Z', 3.456, false)

insert into users (id, email, name, score) values (3, 'c@x.io', default, '7'), (4, 'd@x.io', 'Dee', 12)

insert into users (email, id) values ('e@x.io', 5) returning *

insert into users (id, email, created_at) values (6, 'f@x.io', now()) returning id, created_at > '2026-01-01', name || '!' as shout

insert into posts (id, user_id, title) select id * 10, id, email from users where id < 3

insert into posts (id, user_id, title) values (100, 1, 'x'), (101, 2, 'y') returning id

insert into users (id, email) values (1, 'dup@x.io') on conflict do nothing

insert into users (id, email) values (1, 'dup@x.io') on conflict (id) do nothing

insert into users (id, email, name) values (1, 'a@x.io', 'Ann') on conflict (id) do update set name = excluded.name, score = users.score where users.active returning id, name

insert into users as u (id, email, name) values (2, 'b@x.io', 'Bobby') on conflict on constraint users_email_key do update set name = u.name || excluded.name returning u.name

insert into users (id, email) values (7, 'g@x.io') on conflict (name) do nothing

insert into users (id, email) values (7, 'g@x.io') on conflict on constraint nope do nothing

-- nopg: SQLite's message; the executor maps it to 23502
insert into users default values

update users set name = 'Zed', score = score + 1 where id = 3

update users set (name, active) = ('Q', false) where id in (4, 5) returning id, name, active

update posts p set title = u.name from users u where u.id = p.user_id and p.id >= 100 returning p.id, p.title

update users set score = (select count(*) from posts where posts.user_id = users.id) where id <= 2 returning id, score

update users set name = default where id = 3 returning name

update "users" set "name" = 'quoted' where "users"."id" = 1

delete from posts where id = 100 returning *

delete from posts p using users u where u.id = p.user_id and u.name = 'Bobby'

delete from posts

select id, email, name, score, active from users order by id

insert into users (id, email) values (8, 'this-is-a-very-long-email@example.com')

insert into users (id, email, nope) values (9, 'x', 1)

insert into users (id, email) values (9)

insert into users (id) values (9, 'x')

insert into users (id, id) values (9, 9)

insert into users (id, email, created_at) values (9, 'x', 5)

insert into users (id, email, created_at) values (9, 'x', 'not a date')

update users set nope = 1

update users set id = 'abc'
