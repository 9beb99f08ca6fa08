-- pg: CREATE TABLE users (id int4 PRIMARY KEY, email varchar(20) NOT NULL UNIQUE, name text DEFAULT 'anon', created_at timestamptz NOT NULL DEFAULT '2026-01-01 00:00:00+00', score numeric(10,2), active bool DEFAULT true)
-- pg: CREATE TABLE posts (id int8 PRIMARY KEY, user_id int4 REFERENCES users(id), title text, views int4 DEFAULT 0)
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL, "email" varchar(20) NOT NULL, "name" text DEFAULT ('anon'), "created_at" timestamptz TEXT NOT NULL DEFAULT ('2026-01-01 00:00:00'), "score" numeric TEXT(10,2) COLLATE lg_numeric, "active" bool DEFAULT (1), CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))
-- sqlite: CREATE TABLE "posts" ("id" int8 NOT NULL, "user_id" int4, "title" text, "views" int4 DEFAULT (0), CONSTRAINT "posts_pkey" PRIMARY KEY ("id"), CONSTRAINT "posts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id"))

insert into users (id, email) values (1, 'a@x.io')
=> INSERT INTO "users" ("id", "email") VALUES (1, 'a@x.io')
   tag: INSERT 0 <n> [writes]
   changes: 1

insert into users values (2, 'b@x.io', 'Bob', '2026-04-23T10:00:00Z', 3.456, false)
=> INSERT INTO "users" ("id", "email", "name", "created_at", "score", "active") VALUES (2, 'b@x.io', 'Bob', '2026-04-23 10:00:00', '3.46', 0)
   tag: INSERT 0 <n> [writes]
   changes: 1

insert into users (id, email, name, score) values (3, 'c@x.io', default, '7'), (4, 'd@x.io', 'Dee', 12)
=> INSERT INTO "users" ("id", "email", "name", "score") VALUES (3, 'c@x.io', ('anon'), '7.00'), (4, 'd@x.io', 'Dee', '12.00')
   tag: INSERT 0 <n> [writes]
   changes: 2

insert into users (email, id) values ('e@x.io', 5) returning *
=> INSERT INTO "users" ("email", "id") VALUES ('e@x.io', 5) RETURNING "id" AS "id", "email" AS "email", "name" AS "name", "created_at" AS "created_at", "score" AS "score", "active" AS "active"
   columns: id int4 @1, email varchar(24) @2, name text @3, created_at timestamptz @4, score numeric(655366) @5, active bool @6
   tag: INSERT 0 <n> [writes]
   | 5 | e@x.io | anon | 2026-01-01 00:00:00+00 | NULL | t |

insert into users (id, email, created_at) values (6, 'f@x.io', now()) returning id, created_at > '2026-01-01', name || '!' as shout
=> INSERT INTO "users" ("id", "email", "created_at") VALUES (6, 'f@x.io', lg_now()) RETURNING "id" AS "id", "created_at" > '2026-01-01 00:00:00' AS "?column?", "name" || '!' AS "shout"
   columns: id int4 @1, ?column? bool, shout text
   tag: INSERT 0 <n> [writes]
   | 6 | t | anon! |

insert into posts (id, user_id, title) select id * 10, id, email from users where id < 3
=> INSERT INTO "posts" ("id", "user_id", "title") SELECT lg_int_check("users"."id" * 10, 32) AS "?column?", "users"."id" AS "id", "users"."email" AS "email" FROM "users" WHERE ("users"."id" < 3)
   tag: INSERT 0 <n> [writes]
   changes: 2

insert into posts (id, user_id, title) values (100, 1, 'x'), (101, 2, 'y') returning id
=> INSERT INTO "posts" ("id", "user_id", "title") VALUES (100, 1, 'x'), (101, 2, 'y') RETURNING "id" AS "id"
   columns: id int8 @1
   tag: INSERT 0 <n> [writes]
   | 100 |
   | 101 |

insert into users (id, email) values (1, 'dup@x.io') on conflict do nothing
=> INSERT INTO "users" ("id", "email") VALUES (1, 'dup@x.io') ON CONFLICT DO NOTHING
   tag: INSERT 0 <n> [writes]
   changes: 0

insert into users (id, email) values (1, 'dup@x.io') on conflict (id) do nothing
=> INSERT INTO "users" ("id", "email") VALUES (1, 'dup@x.io') ON CONFLICT ("id") DO NOTHING
   tag: INSERT 0 <n> [writes]
   changes: 0

insert into users (id, email, name) values (1, 'a@x.io', 'Ann') on conflict (id) do update set name = excluded.name, score = users.score where users.active returning id, name
=> INSERT INTO "users" ("id", "email", "name") VALUES (1, 'a@x.io', 'Ann') ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "score" = "users"."score" WHERE lg_upsert_row(0, "users".rowid, ("users"."active")) RETURNING "id" AS "id", "name" AS "name"
   columns: id int4 @1, name text @3
   tag: INSERT 0 <n> [writes]
   | 1 | Ann |

insert into users as u (id, email, name) values (2, 'b@x.io', 'Bobby') on conflict on constraint users_email_key do update set name = u.name || excluded.name returning u.name
=> INSERT INTO "users" AS "u" ("id", "email", "name") VALUES (2, 'b@x.io', 'Bobby') ON CONFLICT ("email") DO UPDATE SET "name" = "u"."name" || excluded."name" WHERE lg_upsert_row(0, "u".rowid, 1) RETURNING "name" AS "name"
   columns: name text @3
   tag: INSERT 0 <n> [writes]
   | BobBobby |

insert into users (id, email) values (7, 'g@x.io') on conflict (name) do nothing
=> ERROR 42P10 there is no unique or exclusion constraint matching the ON CONFLICT specification

insert into users (id, email) values (7, 'g@x.io') on conflict on constraint nope do nothing
=> ERROR 42704 constraint "nope" for table "users" does not exist

-- nopg: SQLite's message; the executor maps it to 23502
insert into users default values
=> INSERT INTO "users" DEFAULT VALUES
   tag: INSERT 0 <n> [writes]
   !! NOT NULL constraint failed: users.id

update users set name = 'Zed', score = score + 1 where id = 3
=> UPDATE "users" SET "name" = 'Zed', "score" = lg_cast(lg_num_add("users"."score", '1'), 1700, 1700, 655366) WHERE ("users"."id" = 3)
   tag: UPDATE <n> [writes]
   changes: 1

update users set (name, active) = ('Q', false) where id in (4, 5) returning id, name, active
=> UPDATE "users" SET "name" = 'Q', "active" = 0 WHERE ("users"."id" IN (4, 5)) RETURNING "id" AS "id", "name" AS "name", "active" AS "active"
   columns: id int4 @1, name text @3, active bool @6
   tag: UPDATE <n> [writes]
   | 4 | Q | f |
   | 5 | Q | f |

update posts p set title = u.name from users u where u.id = p.user_id and p.id >= 100 returning p.id, p.title
=> UPDATE "posts" AS "p" SET "title" = "u"."name" FROM "users" AS "u" WHERE (("u"."id" = "p"."user_id") AND ("p"."id" >= 100)) RETURNING "id" AS "id", "title" AS "title"
   columns: id int8 @1, title text @3
   tag: UPDATE <n> [writes]
   | 100 | Ann |
   | 101 | BobBobby |

update users set score = (select count(*) from posts where posts.user_id = users.id) where id <= 2 returning id, score
=> UPDATE "users" SET "score" = lg_cast((SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', 'more than one row returned by a subquery used as an expression') ELSE min("count") END FROM (SELECT * FROM (SELECT count(*) AS "count" FROM "posts" WHERE ("posts"."user_id" = "users"."id")) LIMIT 2)), 20, 1700, 655366) WHERE ("users"."id" <= 2) RETURNING "id" AS "id", "score" AS "score"
   columns: id int4 @1, score numeric(655366) @5
   tag: UPDATE <n> [writes]
   | 1 | 2.00 |
   | 2 | 2.00 |

update users set name = default where id = 3 returning name
=> UPDATE "users" SET "name" = ('anon') WHERE ("users"."id" = 3) RETURNING "name" AS "name"
   columns: name text @3
   tag: UPDATE <n> [writes]
   | anon |

update "users" set "name" = 'quoted' where "users"."id" = 1
=> UPDATE "users" SET "name" = 'quoted' WHERE ("users"."id" = 1)
   tag: UPDATE <n> [writes]
   changes: 1

delete from posts where id = 100 returning *
=> DELETE FROM "posts" WHERE ("posts"."id" = 100) RETURNING "id" AS "id", "user_id" AS "user_id", "title" AS "title", "views" AS "views"
   columns: id int8 @1, user_id int4 @2, title text @3, views int4 @4
   tag: DELETE <n> [writes]
   | 100 | 1 | Ann | 0 |

delete from posts p using users u where u.id = p.user_id and u.name = 'Bobby'
=> DELETE FROM "posts" AS "p" WHERE rowid IN (SELECT "p".rowid FROM "posts" AS "p", "users" AS "u" WHERE (("u"."id" = "p"."user_id") AND ("u"."name" = 'Bobby')))
   tag: DELETE <n> [writes]
   changes: 0

delete from posts
=> DELETE FROM "posts"
   tag: DELETE <n> [writes]
   changes: 3

select id, email, name, score, active from users order by id
=> SELECT "users"."id" AS "id", "users"."email" AS "email", "users"."name" AS "name", "users"."score" AS "score", "users"."active" AS "active" FROM "users" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, email varchar(24) @2, name text @3, score numeric(655366) @5, active bool @6
   tag: SELECT <n>
   | 1 | a@x.io | quoted | 2.00 | t |
   | 2 | b@x.io | BobBobby | 2.00 | f |
   | 3 | c@x.io | anon | 8.00 | t |
   | 4 | d@x.io | Q | 12.00 | f |
   | 5 | e@x.io | Q | NULL | f |
   | 6 | f@x.io | anon | NULL | t |

insert into users (id, email) values (8, 'this-is-a-very-long-email@example.com')
=> ERROR 22001 value too long for type character varying(20)

insert into users (id, email, nope) values (9, 'x', 1)
=> ERROR 42703 column "nope" of relation "users" does not exist (position 31)

insert into users (id, email) values (9)
=> ERROR 42601 INSERT has more target columns than expressions (position 24)

insert into users (id) values (9, 'x')
=> ERROR 42601 INSERT has more expressions than target columns (position 35)

insert into users (id, id) values (9, 9)
=> ERROR 42701 column "id" specified more than once (position 24)

insert into users (id, email, created_at) values (9, 'x', 5)
=> ERROR 42804 column "created_at" is of type timestamp with time zone but expression is of type integer (position 59)
   hint: You will need to rewrite or cast the expression.

insert into users (id, email, created_at) values (9, 'x', 'not a date')
=> ERROR 22007 invalid input syntax for type timestamp with time zone: "not a date" (position 59)

update users set nope = 1
=> ERROR 42703 column "nope" of relation "users" does not exist (position 18)

update users set id = 'abc'
=> ERROR 22P02 invalid input syntax for type integer: "abc" (position 23)

