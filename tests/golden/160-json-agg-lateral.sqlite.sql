-- json_agg/jsonb_agg and LATERAL subqueries (rewrite/agg.c, from.c,
-- from_lateral.c): drizzle-orm 0.45's relational queries with their
-- parameters, and the LATERAL shapes refused. Results were checked against
-- PostgreSQL 15 (tests/regress/sql/015-drizzle-relational.sql has the same
-- queries with the parameters inline).

CREATE TABLE dz_users (id serial PRIMARY KEY, name text NOT NULL, email text, active boolean NOT NULL DEFAULT true, created_at timestamp with time zone NOT NULL DEFAULT now())
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('dz_users_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'dz_users_id_seq', 1), 0, 'dz_users', 'id', NULL)
=> CREATE TABLE "dz_users" ("id" int4 NOT NULL DEFAULT (nextval('dz_users_id_seq')), "name" text NOT NULL, "email" text, "active" bool NOT NULL DEFAULT (1), "created_at" timestamptz TEXT NOT NULL DEFAULT (lg_now()), CONSTRAINT "dz_users_pkey" PRIMARY KEY ("id"))
   tag: CREATE TABLE [ddl] [writes]

CREATE TABLE dz_posts (id serial PRIMARY KEY, title text NOT NULL, score numeric(10,2), author_id integer NOT NULL REFERENCES dz_users(id), meta jsonb, published_at timestamp)
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('dz_posts_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'dz_posts_id_seq', 1), 0, 'dz_posts', 'id', NULL)
=> CREATE TABLE "dz_posts" ("id" int4 NOT NULL DEFAULT (nextval('dz_posts_id_seq')), "title" text NOT NULL, "score" numeric TEXT(10,2) COLLATE lg_numeric, "author_id" int4 NOT NULL, "meta" jsonb TEXT, "published_at" timestamp TEXT, CONSTRAINT "dz_posts_pkey" PRIMARY KEY ("id"), CONSTRAINT "dz_posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "dz_users" ("id"))
   tag: CREATE TABLE [ddl] [writes]

CREATE TABLE dz_comments (id serial PRIMARY KEY, body text NOT NULL, post_id integer NOT NULL REFERENCES dz_posts(id), author_id integer REFERENCES dz_users(id))
=> CREATE TABLE IF NOT EXISTS main._lg_sequence (name TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, start_value INTEGER NOT NULL, increment_by INTEGER NOT NULL, min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache_size INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT, identity TEXT)
=> INSERT INTO main._lg_sequence (name, type, start_value, increment_by, min_value, max_value, cache_size, cycle, last_value, is_called, owner_table, owner_column, identity) VALUES ('dz_comments_id_seq', 23, 1, 1, 1, 2147483647, 1, 0, _lg_seq_forget('main', 'dz_comments_id_seq', 1), 0, 'dz_comments', 'id', NULL)
=> CREATE TABLE "dz_comments" ("id" int4 NOT NULL DEFAULT (nextval('dz_comments_id_seq')), "body" text NOT NULL, "post_id" int4 NOT NULL, "author_id" int4, CONSTRAINT "dz_comments_pkey" PRIMARY KEY ("id"), CONSTRAINT "dz_comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "dz_posts" ("id"), CONSTRAINT "dz_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "dz_users" ("id"))
   tag: CREATE TABLE [ddl] [writes]

INSERT INTO dz_users (name, email, active, created_at) VALUES ('Ann', 'ann@example.com', true, '2026-01-01 10:00:00+00'), ('Bob', NULL, true, '2026-01-02 11:30:00.25+00'), ('Cid', 'cid@example.com', false, '2026-01-03 00:00:00+00')
=> INSERT INTO "dz_users" ("name", "email", "active", "created_at") VALUES ('Ann', 'ann@example.com', 1, '2026-01-01 10:00:00'), ('Bob', NULL, 1, '2026-01-02 11:30:00.25'), ('Cid', 'cid@example.com', 0, '2026-01-03 00:00:00')
   tag: INSERT 0 <n> [writes]
   changes: 3

INSERT INTO dz_posts (title, score, author_id, meta, published_at) VALUES ('Hello', 1.50, 1, '{"tags": ["a", "b"], "n": 1.0}', '2026-02-01 08:00:00'), ('Second', NULL, 1, NULL, NULL), ('Third', 100.25, 2, '[1,   2,3]', '2026-02-03 12:34:56.789')
=> INSERT INTO "dz_posts" ("title", "score", "author_id", "meta", "published_at") VALUES ('Hello', '1.50', 1, '{"n": 1.0, "tags": ["a", "b"]}', '2026-02-01 08:00:00'), ('Second', NULL, 1, NULL, NULL), ('Third', '100.25', 2, '[1, 2, 3]', '2026-02-03 12:34:56.789')
   tag: INSERT 0 <n> [writes]
   changes: 3

INSERT INTO dz_comments (body, post_id, author_id) VALUES ('first!', 1, 2), ('nice', 1, NULL), ('ok', 3, 1)
=> INSERT INTO "dz_comments" ("body", "post_id", "author_id") VALUES ('first!', 1, 2), ('nice', 1, NULL), ('ok', 3, 1)
   tag: INSERT 0 <n> [writes]
   changes: 3

-- drizzle: one_to_many
select "users"."id", "users"."name", "users"."email", "users"."active", "users"."created_at", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts"."score", "users_posts"."author_id", "users_posts"."meta", "users_posts"."published_at")), '[]'::json) as "data" from "dz_posts" "users_posts" where "users_posts"."author_id" = "users"."id") "users_posts" on true order by "users"."id" asc
=> SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."active" AS "active", "users"."created_at" AS "created_at", (SELECT "data" FROM (SELECT coalesce(('[' || group_concat(coalesce(lg_to_json(0, lg_json_build(0, "users_posts"."id", 23, "users_posts"."title", 25, "users_posts"."score", 1700, "users_posts"."author_id", 23, "users_posts"."meta", 3802, "users_posts"."published_at", 1114), 114), 'null'), ', ') || ']'), '[]') AS "data" FROM "dz_posts" AS "users_posts" WHERE ("users_posts"."author_id" = "users"."id"))) AS "posts" FROM "dz_users" AS "users" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @2, email text @3, active bool @4, created_at timestamptz @5, posts json
   tag: SELECT <n>
   | 1 | Ann | ann@example.com | t | 2026-01-01 10:00:00+00 | [[1, "Hello", 1.50, 1, {"n": 1.0, "tags": ["a", "b"]}, "2026-02-01T08:00:00"], [2, "Second", null, 1, null, null]] |
   | 2 | Bob | NULL | t | 2026-01-02 11:30:00.25+00 | [[3, "Third", 100.25, 2, [1, 2, 3], "2026-02-03T12:34:56.789"]] |
   | 3 | Cid | cid@example.com | f | 2026-01-03 00:00:00+00 | [] |

-- drizzle: many_to_one
select "posts"."id", "posts"."title", "posts"."score", "posts"."author_id", "posts"."meta", "posts"."published_at", "posts_author"."data" as "author" from "dz_posts" "posts" left join lateral (select json_build_array("posts_author"."id", "posts_author"."name", "posts_author"."email", "posts_author"."active", "posts_author"."created_at") as "data" from (select * from "dz_users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit $1) "posts_author") "posts_author" on true order by "posts"."id" asc
-- args: 1
=> SELECT "posts"."id" AS "id", "posts"."title" AS "title", "posts"."score" AS "score", "posts"."author_id" AS "author_id", "posts"."meta" AS "meta", "posts"."published_at" AS "published_at", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('0A000', 'feature not supported: LATERAL subquery returning more than one row') ELSE min("data") END FROM (SELECT * FROM (SELECT lg_json_build(0, "posts_author"."id", 23, "posts_author"."name", 25, "posts_author"."email", 25, "posts_author"."active", 16, "posts_author"."created_at", 1184) AS "data" FROM (SELECT "posts_author"."id" AS "id", "posts_author"."name" AS "name", "posts_author"."email" AS "email", "posts_author"."active" AS "active", "posts_author"."created_at" AS "created_at" FROM "dz_users" AS "posts_author" WHERE ("posts_author"."id" = "posts"."author_id") LIMIT lg_limit(?1, 0)) AS "posts_author") LIMIT 2)) AS "author" FROM "dz_posts" AS "posts" ORDER BY 1 ASC NULLS LAST
   params: int8
   columns: id int4 @1, title text @2, score numeric(655366) @3, author_id int4 @4, meta jsonb @5, published_at timestamp @6, author json
   tag: SELECT <n>
   | 1 | Hello | 1.50 | 1 | {"n": 1.0, "tags": ["a", "b"]} | 2026-02-01 08:00:00 | [1, "Ann", "ann@example.com", true, "2026-01-01T10:00:00+00:00"] |
   | 2 | Second | NULL | 1 | NULL | NULL | [1, "Ann", "ann@example.com", true, "2026-01-01T10:00:00+00:00"] |
   | 3 | Third | 100.25 | 2 | [1, 2, 3] | 2026-02-03 12:34:56.789 | [2, "Bob", null, true, "2026-01-02T11:30:00.25+00:00"] |

-- drizzle: nested
select "users"."id", "users"."name", "users"."email", "users"."active", "users"."created_at", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts"."score", "users_posts"."author_id", "users_posts"."meta", "users_posts"."published_at", "users_posts_comments"."data") order by "users_posts"."id" asc), '[]'::json) as "data" from (select * from "dz_posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."id" asc) "users_posts" left join lateral (select coalesce(json_agg(json_build_array("users_posts_comments"."id", "users_posts_comments"."body", "users_posts_comments"."post_id", "users_posts_comments"."author_id") order by "users_posts_comments"."id" asc), '[]'::json) as "data" from (select * from "dz_comments" "users_posts_comments" where "users_posts_comments"."post_id" = "users_posts"."id" order by "users_posts_comments"."id" asc) "users_posts_comments") "users_posts_comments" on true) "users_posts" on true order by "users"."id" asc
=> SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."active" AS "active", "users"."created_at" AS "created_at", (SELECT "data" FROM (SELECT coalesce(('[' || lg_string_agg_ord(0, coalesce(lg_to_json(0, lg_json_build(0, "users_posts"."id", 23, "users_posts"."title", 25, "users_posts"."score", 1700, "users_posts"."author_id", 23, "users_posts"."meta", 3802, "users_posts"."published_at", 1114, (SELECT "data" FROM (SELECT coalesce(('[' || lg_string_agg_ord(0, coalesce(lg_to_json(0, lg_json_build(0, "users_posts_comments"."id", 23, "users_posts_comments"."body", 25, "users_posts_comments"."post_id", 23, "users_posts_comments"."author_id", 23), 114), 'null'), ', ', 0, "users_posts_comments"."id") || ']'), '[]') AS "data" FROM (SELECT "users_posts_comments"."id" AS "id", "users_posts_comments"."body" AS "body", "users_posts_comments"."post_id" AS "post_id", "users_posts_comments"."author_id" AS "author_id" FROM "dz_comments" AS "users_posts_comments" WHERE ("users_posts_comments"."post_id" = "users_posts"."id") ORDER BY 1 ASC NULLS LAST) AS "users_posts_comments")), 114), 114), 'null'), ', ', 0, "users_posts"."id") || ']'), '[]') AS "data" FROM (SELECT "users_posts"."id" AS "id", "users_posts"."title" AS "title", "users_posts"."score" AS "score", "users_posts"."author_id" AS "author_id", "users_posts"."meta" AS "meta", "users_posts"."published_at" AS "published_at" FROM "dz_posts" AS "users_posts" WHERE ("users_posts"."author_id" = "users"."id") ORDER BY 1 ASC NULLS LAST) AS "users_posts")) AS "posts" FROM "dz_users" AS "users" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @2, email text @3, active bool @4, created_at timestamptz @5, posts json
   tag: SELECT <n>
   | 1 | Ann | ann@example.com | t | 2026-01-01 10:00:00+00 | [[1, "Hello", 1.50, 1, {"n": 1.0, "tags": ["a", "b"]}, "2026-02-01T08:00:00", [[1, "first!", 1, 2], [2, "nice", 1, null]]], [2, "Second", null, 1, null, null, []]] |
   | 2 | Bob | NULL | t | 2026-01-02 11:30:00.25+00 | [[3, "Third", 100.25, 2, [1, 2, 3], "2026-02-03T12:34:56.789", [[3, "ok", 3, 1]]]] |
   | 3 | Cid | cid@example.com | f | 2026-01-03 00:00:00+00 | [] |

-- drizzle: cols_where_order_limit
select "users"."id", "users"."name", "users_posts"."data" as "posts" from "dz_users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."title", "users_posts"."score") order by "users_posts"."id" desc), '[]'::json) as "data" from (select * from "dz_posts" "users_posts" where ("users_posts"."author_id" = "users"."id" and "users_posts"."id" > $1) order by "users_posts"."id" desc limit $2) "users_posts") "users_posts" on true where "users"."active" = $3 order by "users"."id" asc limit $4
-- args: 1 | 2 | t | 2
=> SELECT "users"."id" AS "id", "users"."name" AS "name", (SELECT "data" FROM (SELECT coalesce(('[' || lg_string_agg_ord(0, coalesce(lg_to_json(0, lg_json_build(0, "users_posts"."title", 25, "users_posts"."score", 1700), 114), 'null'), ', ', 3, "users_posts"."id") || ']'), '[]') AS "data" FROM (SELECT "users_posts"."id" AS "id", "users_posts"."title" AS "title", "users_posts"."score" AS "score", "users_posts"."author_id" AS "author_id", "users_posts"."meta" AS "meta", "users_posts"."published_at" AS "published_at" FROM "dz_posts" AS "users_posts" WHERE (("users_posts"."author_id" = "users"."id") AND ("users_posts"."id" > ?1)) ORDER BY 1 DESC NULLS FIRST LIMIT lg_limit(?2, 0)) AS "users_posts")) AS "posts" FROM "dz_users" AS "users" WHERE ("users"."active" = ?3) ORDER BY 1 ASC NULLS LAST LIMIT lg_limit(?4, 0)
   params: int4 int8 bool int8
   columns: id int4 @1, name text @2, posts json
   tag: SELECT <n>
   | 1 | Ann | [["Second", null]] |
   | 2 | Bob | [["Third", 100.25]] |

-- drizzle: findFirst
select "posts"."id", "posts"."title", "posts"."score", "posts"."author_id", "posts"."meta", "posts"."published_at", "posts_author"."data" as "author", "posts_comments"."data" as "comments" from "dz_posts" "posts" left join lateral (select json_build_array("posts_author"."name") as "data" from (select * from "dz_users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit $1) "posts_author") "posts_author" on true left join lateral (select coalesce(json_agg(json_build_array("posts_comments"."id", "posts_comments"."body", "posts_comments"."post_id", "posts_comments"."author_id", "posts_comments_author"."data")), '[]'::json) as "data" from "dz_comments" "posts_comments" left join lateral (select json_build_array("posts_comments_author"."id", "posts_comments_author"."name", "posts_comments_author"."email", "posts_comments_author"."active", "posts_comments_author"."created_at") as "data" from (select * from "dz_users" "posts_comments_author" where "posts_comments_author"."id" = "posts_comments"."author_id" limit $2) "posts_comments_author") "posts_comments_author" on true where "posts_comments"."post_id" = "posts"."id") "posts_comments" on true where "posts"."id" = $3 limit $4
-- args: 1 | 1 | 1 | 1
=> SELECT "posts"."id" AS "id", "posts"."title" AS "title", "posts"."score" AS "score", "posts"."author_id" AS "author_id", "posts"."meta" AS "meta", "posts"."published_at" AS "published_at", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('0A000', 'feature not supported: LATERAL subquery returning more than one row') ELSE min("data") END FROM (SELECT * FROM (SELECT lg_json_build(0, "posts_author"."name", 25) AS "data" FROM (SELECT "posts_author"."id" AS "id", "posts_author"."name" AS "name", "posts_author"."email" AS "email", "posts_author"."active" AS "active", "posts_author"."created_at" AS "created_at" FROM "dz_users" AS "posts_author" WHERE ("posts_author"."id" = "posts"."author_id") LIMIT lg_limit(?1, 0)) AS "posts_author") LIMIT 2)) AS "author", (SELECT "data" FROM (SELECT coalesce(('[' || group_concat(coalesce(lg_to_json(0, lg_json_build(0, "posts_comments"."id", 23, "posts_comments"."body", 25, "posts_comments"."post_id", 23, "posts_comments"."author_id", 23, (SELECT CASE WHEN count(*) > 1 THEN lg_raise('0A000', 'feature not supported: LATERAL subquery returning more than one row') ELSE min("data") END FROM (SELECT * FROM (SELECT lg_json_build(0, "posts_comments_author"."id", 23, "posts_comments_author"."name", 25, "posts_comments_author"."email", 25, "posts_comments_author"."active", 16, "posts_comments_author"."created_at", 1184) AS "data" FROM (SELECT "posts_comments_author"."id" AS "id", "posts_comments_author"."name" AS "name", "posts_comments_author"."email" AS "email", "posts_comments_author"."active" AS "active", "posts_comments_author"."created_at" AS "created_at" FROM "dz_users" AS "posts_comments_author" WHERE ("posts_comments_author"."id" = "posts_comments"."author_id") LIMIT lg_limit(?2, 0)) AS "posts_comments_author") LIMIT 2)), 114), 114), 'null'), ', ') || ']'), '[]') AS "data" FROM "dz_comments" AS "posts_comments" WHERE ("posts_comments"."post_id" = "posts"."id"))) AS "comments" FROM "dz_posts" AS "posts" WHERE ("posts"."id" = ?3) LIMIT lg_limit(?4, 0)
   params: int8 int8 int4 int8
   columns: id int4 @1, title text @2, score numeric(655366) @3, author_id int4 @4, meta jsonb @5, published_at timestamp @6, author json, comments json
   tag: SELECT <n>
   | 1 | Hello | 1.50 | 1 | {"n": 1.0, "tags": ["a", "b"]} | 2026-02-01 08:00:00 | ["Ann"] | [[1, "first!", 1, 2, [2, "Bob", null, true, "2026-01-02T11:30:00.25+00:00"]], [2, "nice", 1, null, null]] |

select json_agg(x order by x desc nulls last), jsonb_agg(distinct x), json_agg(x) filter (where x > 1) from (values (1), (2), (2), (null)) v(x)
=> SELECT ('[' || lg_string_agg_ord(0, coalesce(lg_to_json(0, "v"."column1", 23), 'null'), ', ', 1, "v"."column1") || ']') AS "json_agg", lg_cast(('[' || lg_string_agg_ord(1, coalesce(lg_to_json(0, "v"."column1", 23), 'null'), ', ', 0, "v"."column1") || ']'), 114, 3802, -1) AS "jsonb_agg", ('[' || group_concat(coalesce(lg_to_json(0, "v"."column1", 23), 'null'), ', ') FILTER (WHERE ("v"."column1" > 1)) || ']') AS "json_agg:1" FROM (VALUES (1), (2), (2), (NULL)) AS "v"
   columns: json_agg json, jsonb_agg jsonb, json_agg json
   tag: SELECT <n>
   | [2, 2, 1, null] | [1, 2, null] | [2, 2] |

select json_agg(x) over (order by x) from (values (1), (2)) v(x)
=> SELECT ('[' || group_concat(coalesce(lg_to_json(0, "v"."column1", 23), 'null'), ', ') OVER (ORDER BY "v"."column1" ASC NULLS LAST) || ']') AS "json_agg" FROM (VALUES (1), (2)) AS "v"
   columns: json_agg json
   tag: SELECT <n>
   | [1] |
   | [1, 2] |

-- a LEFT JOIN LATERAL that is not an aggregate: at most one row per outer row
select u.id, l.title from dz_users u left join lateral (select p.title from dz_posts p where p.author_id = u.id order by p.id limit 1) l on true order by u.id
=> SELECT "u"."id" AS "id", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('0A000', 'feature not supported: LATERAL subquery returning more than one row') ELSE min("title") END FROM (SELECT * FROM (SELECT "p"."title" AS "title" FROM "dz_posts" AS "p" WHERE ("p"."author_id" = "u"."id") ORDER BY "p"."id" ASC NULLS LAST LIMIT 1) LIMIT 2)) AS "title" FROM "dz_users" AS "u" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, title text
   tag: SELECT <n>
   | 1 | Hello |
   | 2 | Third |
   | 3 | NULL |

-- nopg: more than one row is refused at run time (PostgreSQL returns them)
select u.id, l.title from dz_users u left join lateral (select p.title from dz_posts p where p.author_id = u.id) l on true order by u.id
=> SELECT "u"."id" AS "id", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('0A000', 'feature not supported: LATERAL subquery returning more than one row') ELSE min("title") END FROM (SELECT * FROM (SELECT "p"."title" AS "title" FROM "dz_posts" AS "p" WHERE ("p"."author_id" = "u"."id")) LIMIT 2)) AS "title" FROM "dz_users" AS "u" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, title text
   tag: SELECT <n>
   !! SQLSTATE 0A000: feature not supported: LATERAL subquery returning more than one row

-- nopg: a CROSS JOIN LATERAL that could return zero or several rows
select u.id, l.title from dz_users u cross join lateral (select p.title from dz_posts p where p.author_id = u.id) l
=> ERROR 0A000 feature not supported: LATERAL subqueries that are not single-row aggregates

-- nopg
select u.id, l.n from dz_users u, lateral (select count(*) as n from dz_posts p where p.author_id = u.id group by p.score) l
=> ERROR 0A000 feature not supported: LATERAL subqueries that are not single-row aggregates

-- nopg
select u.id, l.n from dz_users u join lateral (select count(*) as n from dz_posts p where p.author_id = u.id) l on l.n > 0
=> ERROR 0A000 feature not supported: this join with a LATERAL subquery

select u.id, l.n from dz_users u, lateral (select count(*) as n from dz_posts p where p.author_id = u.id) l order by u.id
=> SELECT "u"."id" AS "id", (SELECT "n" FROM (SELECT count(*) AS "n" FROM "dz_posts" AS "p" WHERE ("p"."author_id" = "u"."id"))) AS "n" FROM "dz_users" AS "u" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, n int8
   tag: SELECT <n>
   | 1 | 2 |
   | 2 | 1 |
   | 3 | 0 |

