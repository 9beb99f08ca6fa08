-- cleanup: drop table if exists dz_comments, dz_posts, dz_users cascade
-- drizzle-orm 0.45 relational queries (db.query.x.findMany/findFirst with `with`,
-- `columns`, `where`, `orderBy`, `limit`): the SQL drizzle generates, parameters
-- written inline (psql 15 cannot bind). LEFT JOIN LATERAL, json_agg, json_build_array.
CREATE TABLE dz_users (id serial PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true,
    created_at timestamp with time zone NOT NULL DEFAULT now());
CREATE TABLE dz_posts (id serial PRIMARY KEY, title text NOT NULL, score numeric(10,2),
    author_id integer NOT NULL REFERENCES dz_users(id), meta jsonb, published_at timestamp);
CREATE TABLE dz_comments (id serial PRIMARY KEY, body text NOT NULL, post_id integer NOT NULL REFERENCES dz_posts(id),
    author_id integer REFERENCES dz_users(id));
INSERT INTO dz_users (name, email, active, created_at) VALUES
    ('Ann', 'ann@example.com', true, '2026-01-01 10:00:00+00'),
    ('Bob "B" O''Neil', NULL, true, '2026-01-02 11:30:00.25+00'),
    ('Cid', 'cid@example.com', false, '2026-01-03 00:00:00+00'),
    ('Dee', 'dee@example.com', true, '2026-01-04 09:15:00+00');
INSERT INTO dz_posts (title, score, author_id, meta, published_at) VALUES
    ('Hello', 1.50, 1, '{"tags": ["a", "b"], "n": 1.0}', '2026-02-01 08:00:00'),
    ('Line\nbreak "quoted"', NULL, 1, NULL, NULL),
    ('Third', 100.25, 2, '[1,   2,3]', '2026-02-03 12:34:56.789'),
    ('Fourth', -0.05, 1, '{"z": null, "a": true}', NULL);
INSERT INTO dz_comments (body, post_id, author_id) VALUES
    ('first!', 1, 2), ('nice', 1, NULL), ('ok', 3, 1), ('hmm', 1, 3);
-- one_to_many
select "users"."id", "users"."name", "users"."email", "users"."active", "users"."created_at", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts"."score", "users_posts"."author_id", "users_posts"."meta", "users_posts"."published_at")), '[]'::json) as "data" from "dz_posts" "users_posts" where "users_posts"."author_id" = "users"."id") "users_posts" on true order by "users"."id" asc;
-- many_to_one
select "posts"."id", "posts"."title", "posts"."score", "posts"."author_id", "posts"."meta", "posts"."published_at", "posts_author"."data" as "author" from "dz_posts" "posts" left join lateral (select json_build_array("posts_author"."id", "posts_author"."name", "posts_author"."email", "posts_author"."active", "posts_author"."created_at") as "data" from (select * from "dz_users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit 1) "posts_author") "posts_author" on true order by "posts"."id" asc;
-- nested
select "users"."id", "users"."name", "users"."email", "users"."active", "users"."created_at", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts"."score", "users_posts"."author_id", "users_posts"."meta", "users_posts"."published_at", "users_posts_comments"."data") order by "users_posts"."id" asc), '[]'::json) as "data" from (select * from "dz_posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."id" asc) "users_posts" left join lateral (select coalesce(json_agg(json_build_array("users_posts_comments"."id", "users_posts_comments"."body", "users_posts_comments"."post_id", "users_posts_comments"."author_id") order by "users_posts_comments"."id" asc), '[]'::json) as "data" from (select * from "dz_comments" "users_posts_comments" where "users_posts_comments"."post_id" = "users_posts"."id" order by "users_posts_comments"."id" asc) "users_posts_comments") "users_posts_comments" on true) "users_posts" on true order by "users"."id" asc;
-- cols_where_order_limit
select "users"."id", "users"."name", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."title", "users_posts"."score") order by "users_posts"."id" desc), '[]'::json) as "data" from (select * from "dz_posts" "users_posts" where ("users_posts"."author_id" = "users"."id" and "users_posts"."id" > 1) order by "users_posts"."id" desc limit 2) "users_posts") "users_posts" on true where "users"."active" = true order by "users"."id" asc limit 2;
-- findFirst
select "posts"."id", "posts"."title", "posts"."score", "posts"."author_id", "posts"."meta", "posts"."published_at", "posts_author"."data" as "author", "posts_comments"."data" as "comments" from "dz_posts" "posts" left join lateral (select json_build_array("posts_author"."name") as "data" from (select * from "dz_users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit 1) "posts_author") "posts_author" on true left join lateral (select coalesce(json_agg(json_build_array("posts_comments"."id", "posts_comments"."body", "posts_comments"."post_id", "posts_comments"."author_id", "posts_comments_author"."data")), '[]'::json) as "data" from "dz_comments" "posts_comments" left join lateral (select json_build_array("posts_comments_author"."id", "posts_comments_author"."name", "posts_comments_author"."email", "posts_comments_author"."active", "posts_comments_author"."created_at") as "data" from (select * from "dz_users" "posts_comments_author" where "posts_comments_author"."id" = "posts_comments"."author_id" limit 1) "posts_comments_author") "posts_comments_author" on true where "posts_comments"."post_id" = "posts"."id") "posts_comments" on true where "posts"."id" = 1 limit 1;
-- json_agg / jsonb_agg: element rendering, ORDER BY, DISTINCT, FILTER, no rows
SELECT json_agg(x) FROM (VALUES (1), (2)) v(x);
SELECT json_agg(x ORDER BY x DESC NULLS LAST), jsonb_agg(x), json_agg(DISTINCT x) FILTER (WHERE x > 1)
    FROM (VALUES (1), (2), (2), (NULL)) v(x);
SELECT json_agg(title ORDER BY id), json_agg(score ORDER BY score NULLS FIRST), json_agg(meta ORDER BY id) FROM dz_posts;
SELECT jsonb_agg(meta ORDER BY id), jsonb_agg(DISTINCT author_id), json_agg(published_at ORDER BY id) FROM dz_posts;
SELECT json_agg(created_at ORDER BY id), json_agg(active ORDER BY id), json_agg(email ORDER BY id) FROM dz_users;
SELECT author_id, json_agg(json_build_array(id, title) ORDER BY id DESC) FROM dz_posts GROUP BY author_id ORDER BY author_id;
SELECT json_agg(x), jsonb_agg(x), coalesce(json_agg(x), '[]'::json) FROM (VALUES (1)) v(x) WHERE false;
SELECT pg_typeof(json_agg(1)), pg_typeof(jsonb_agg(1));
-- LATERAL: aggregates with CROSS JOIN LATERAL and comma, a row limit inside LEFT JOIN LATERAL
SELECT u.id, c.n FROM dz_users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM dz_posts p WHERE p.author_id = u.id) c ORDER BY u.id;
SELECT u.id, c.n, c.top FROM dz_users u, LATERAL (SELECT count(*) AS n, max(p.score) AS top FROM dz_posts p WHERE p.author_id = u.id) c ORDER BY u.id;
SELECT u.name, l.title FROM dz_users u LEFT JOIN LATERAL (SELECT p.title FROM dz_posts p WHERE p.author_id = u.id ORDER BY p.id DESC LIMIT 1) l ON true ORDER BY u.id;
-- errors
SELECT json_agg(DISTINCT meta::json) FROM dz_posts;
SELECT json_agg(meta::json ORDER BY meta::json) FROM dz_posts;
