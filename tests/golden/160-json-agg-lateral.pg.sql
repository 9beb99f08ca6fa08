-- json_agg/jsonb_agg and LATERAL subqueries (rewrite/agg.c, from.c,
-- from_lateral.c): drizzle-orm 0.45's relational queries with their
-- parameters, and the LATERAL shapes refused. Results were checked against
-- PostgreSQL 15 (tests/regress/sql/015-drizzle-relational.sql has the same
-- queries with the parameters inline).

CREATE TABLE dz_users (id serial PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true, created_at timestamp with time zone NOT NULL DEFAULT now())

CREATE TABLE dz_posts (id serial PRIMARY KEY, title text NOT NULL, score numeric(10,2), author_id integer NOT NULL REFERENCES dz_users(id), meta jsonb, published_at timestamp)

CREATE TABLE dz_comments (id serial PRIMARY KEY, body text NOT NULL, post_id integer NOT NULL REFERENCES dz_posts(id), author_id integer REFERENCES dz_users(id))

INSERT INTO dz_users (name, email, active, created_at) VALUES ('Ann', 'ann@example.com', true, '2026-01-01 10:00:00+00'), ('Bob', NULL, true, '2026-01-02 11:30:00.25+00'), ('Cid', 'cid@example.com', false, '2026-01-03 00:00:00+00')

INSERT INTO dz_posts (title, score, author_id, meta, published_at) VALUES ('Hello', 1.50, 1, '{"tags": ["a", "b"], "n": 1.0}', '2026-02-01 08:00:00'), ('Second', NULL, 1, NULL, NULL), ('Third', 100.25, 2, '[1,   2,3]', '2026-02-03 12:34:56.789')

INSERT INTO dz_comments (body, post_id, author_id) VALUES ('first!', 1, 2), ('nice', 1, NULL), ('ok', 3, 1)

-- drizzle: one_to_many
select "users"."id", "users"."name", "users"."email", "users"."active", "users"."created_at", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts"."score", "users_posts"."author_id", "users_posts"."meta", "users_posts"."published_at")), '[]'::json) as "data" from "dz_posts" "users_posts" where "users_posts"."author_id" = "users"."id") "users_posts" on true order by "users"."id" asc

-- drizzle: many_to_one
select "posts"."id", "posts"."title", "posts"."score", "posts"."author_id", "posts"."meta", "posts"."published_at", "posts_author"."data" as "author" from "dz_posts" "posts" left join lateral (select json_build_array("posts_author"."id", "posts_author"."name", "posts_author"."email", "posts_author"."active", "posts_author"."created_at") as "data" from (select * from "dz_users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit $1) "posts_author") "posts_author" on true order by "posts"."id" asc
-- args: 1

-- drizzle: nested
select "users"."id", "users"."name", "users"."email", "users"."active", "users"."created_at", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts"."score", "users_posts"."author_id", "users_posts"."meta", "users_posts"."published_at", "users_posts_comments"."data") order by "users_posts"."id" asc), '[]'::json) as "data" from (select * from "dz_posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."id" asc) "users_posts" left join lateral (select coalesce(json_agg(json_build_array("users_posts_comments"."id", "users_posts_comments"."body", "users_posts_comments"."post_id", "users_posts_comments"."author_id") order by "users_posts_comments"."id" asc), '[]'::json) as "data" from (select * from "dz_comments" "users_posts_comments" where "users_posts_comments"."post_id" = "users_posts"."id" order by "users_posts_comments"."id" asc) "users_posts_comments") "users_posts_comments" on true) "users_posts" on true order by "users"."id" asc

-- drizzle: cols_where_order_limit
select "users"."id", "users"."name", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."title", "users_posts"."score") order by "users_posts"."id" desc), '[]'::json) as "data" from (select * from "dz_posts" "users_posts" where ("users_posts"."author_id" = "users"."id" and "users_posts"."id" > $1) order by "users_posts"."id" desc limit $2) "users_posts") "users_posts" on true where "users"."active" = $3 order by "users"."id" asc limit $4
-- args: 1 | 2 | t | 2

-- drizzle: findFirst
select "posts"."id", "posts"."title", "posts"."score", "posts"."author_id", "posts"."meta", "posts"."published_at", "posts_author"."data" as "author", "posts_comments"."data" as "comments" from "dz_posts" "posts" left join lateral (select json_build_array("posts_author"."name") as "data" from (select * from "dz_users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit $1) "posts_author") "posts_author" on true left join lateral (select coalesce(json_agg(json_build_array("posts_comments"."id", "posts_comments"."body", "posts_comments"."post_id", "posts_comments"."author_id", "posts_comments_author"."data")), '[]'::json) as "data" from "dz_comments" "posts_comments" left join lateral (select json_build_array("posts_comments_author"."id", "posts_comments_author"."name", "posts_comments_author"."email", "posts_comments_author"."active", "posts_comments_author"."created_at") as "data" from (select * from "dz_users" "posts_comments_author" where "posts_comments_author"."id" = "posts_comments"."author_id" limit $2) "posts_comments_author") "posts_comments_author" on true where "posts_comments"."post_id" = "posts"."id") "posts_comments" on true where "posts"."id" = $3 limit $4
-- args: 1 | 1 | 1 | 1

select json_agg(x order by x desc nulls last), jsonb_agg(distinct x), json_agg(x) filter (where x > 1) from (values (1), (2), (2), (null)) v(x)

select json_agg(x) over (order by x) from (values (1), (2)) v(x)

-- a LEFT JOIN LATERAL that is not an aggregate: at most one row per outer row
select u.id, l.title from dz_users u left join lateral (select p.title from dz_posts p where p.author_id = u.id order by p.id limit 1) l on true order by u.id

-- nopg: more than one row is refused at run time (PostgreSQL returns them)
select u.id, l.title from dz_users u left join lateral (select p.title from dz_posts p where p.author_id = u.id) l on true order by u.id

-- nopg: a CROSS JOIN LATERAL that could return zero or several rows
select u.id, l.title from dz_users u cross join lateral (select p.title from dz_posts p where p.author_id = u.id) l

-- nopg
select u.id, l.n from dz_users u, lateral (select count(*) as n from dz_posts p where p.author_id = u.id group by p.score) l

-- nopg
select u.id, l.n from dz_users u join lateral (select count(*) as n from dz_posts p where p.author_id = u.id) l on l.n > 0

select u.id, l.n from dz_users u, lateral (select count(*) as n from dz_posts p where p.author_id = u.id) l order by u.id
