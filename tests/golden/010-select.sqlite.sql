-- pg: CREATE TABLE users (id int4 PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text, created_at timestamptz NOT NULL DEFAULT now(), score numeric(10,2), active bool DEFAULT true, org_id int8)
-- pg: CREATE TABLE orgs (id int8 PRIMARY KEY, name text NOT NULL)
-- pg: INSERT INTO users VALUES (1, 'a@x.io', 'Ann', '2026-04-20 10:00:00+00', '10.50', true, 1), (2, 'b@x.io', 'Bob', '2026-04-23 12:30:00.25+00', '3.00', false, 1), (3, 'c@x.io', NULL, '2026-04-24 00:00:00+00', NULL, true, 2), (4, 'd@x.io', 'dan', '2026-05-01 08:00:00+00', '100.00', NULL, NULL)
-- pg: INSERT INTO orgs VALUES (1, 'Acme'), (2, 'Beta'), (3, 'Empty')
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL, "email" varchar(255) NOT NULL, "name" text, "created_at" timestamptz TEXT NOT NULL DEFAULT (lg_now()), "score" numeric TEXT(10,2) COLLATE lg_numeric, "active" bool DEFAULT (1), "org_id" int8, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))
-- sqlite: CREATE TABLE "orgs" ("id" int8 NOT NULL, "name" text NOT NULL, CONSTRAINT "orgs_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO users VALUES (1, 'a@x.io', 'Ann', '2026-04-20 10:00:00', '10.50', 1, 1), (2, 'b@x.io', 'Bob', '2026-04-23 12:30:00.25', '3.00', 0, 1), (3, 'c@x.io', NULL, '2026-04-24 00:00:00', NULL, 1, 2), (4, 'd@x.io', 'dan', '2026-05-01 08:00:00', '100.00', NULL, NULL)
-- sqlite: INSERT INTO orgs VALUES (1, 'Acme'), (2, 'Beta'), (3, 'Empty')

select * from users order by id
=> SELECT "users"."id" AS "id", "users"."email" AS "email", "users"."name" AS "name", "users"."created_at" AS "created_at", "users"."score" AS "score", "users"."active" AS "active", "users"."org_id" AS "org_id" FROM "users" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, email varchar(259) @2, name text @3, created_at timestamptz @4, score numeric(655366) @5, active bool @6, org_id int8 @7
   tag: SELECT <n>
   | 1 | a@x.io | Ann | 2026-04-20 10:00:00+00 | 10.50 | t | 1 |
   | 2 | b@x.io | Bob | 2026-04-23 12:30:00.25+00 | 3.00 | f | 1 |
   | 3 | c@x.io | NULL | 2026-04-24 00:00:00+00 | NULL | t | 2 |
   | 4 | d@x.io | dan | 2026-05-01 08:00:00+00 | 100.00 | NULL | NULL |

select id, email from users where id = $1
=> SELECT "users"."id" AS "id", "users"."email" AS "email" FROM "users" WHERE ("users"."id" = ?1)
   params: int4
   columns: id int4 @1, email varchar(259) @2
   tag: SELECT <n>

select id, email from users where created_at >= '2026-04-23T00:00:00.000Z' order by created_at desc
=> SELECT "users"."id" AS "id", "users"."email" AS "email" FROM "users" WHERE ("users"."created_at" >= '2026-04-23 00:00:00') ORDER BY "users"."created_at" DESC NULLS FIRST
   columns: id int4 @1, email varchar(259) @2
   tag: SELECT <n>
   | 4 | d@x.io |
   | 3 | c@x.io |
   | 2 | b@x.io |

select users.* , 1 as one from users where active order by 1 limit 2 offset 1
=> SELECT "users"."id" AS "id", "users"."email" AS "email", "users"."name" AS "name", "users"."created_at" AS "created_at", "users"."score" AS "score", "users"."active" AS "active", "users"."org_id" AS "org_id", 1 AS "one" FROM "users" WHERE "users"."active" ORDER BY 1 ASC NULLS LAST LIMIT 2 OFFSET 1
   columns: id int4 @1, email varchar(259) @2, name text @3, created_at timestamptz @4, score numeric(655366) @5, active bool @6, org_id int8 @7, one int4
   tag: SELECT <n>
   | 3 | c@x.io | NULL | 2026-04-24 00:00:00+00 | NULL | t | 2 | 1 |

select u.id, o.name from users u join orgs o on o.id = u.org_id order by u.id
=> SELECT "u"."id" AS "id", "o"."name" AS "name" FROM "users" AS "u" JOIN "orgs" AS "o" ON ("o"."id" = "u"."org_id") ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @2
   tag: SELECT <n>
   | 1 | Acme |
   | 2 | Acme |
   | 3 | Beta |

select u.id, o.name from users u left join orgs o on o.id = u.org_id order by u.id
=> SELECT "u"."id" AS "id", "o"."name" AS "name" FROM "users" AS "u" LEFT JOIN "orgs" AS "o" ON ("o"."id" = "u"."org_id") ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @2
   tag: SELECT <n>
   | 1 | Acme |
   | 2 | Acme |
   | 3 | Beta |
   | 4 | NULL |

select o.name, u.id from users u right join orgs o on o.id = u.org_id order by o.name, u.id
=> SELECT "o"."name" AS "name", "u"."id" AS "id" FROM "users" AS "u" RIGHT JOIN "orgs" AS "o" ON ("o"."id" = "u"."org_id") ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST
   columns: name text @2, id int4 @1
   tag: SELECT <n>
   | Acme | 1 |
   | Acme | 2 |
   | Beta | 3 |
   | Empty | NULL |

select u.id, o.id from users u full join orgs o on o.id = u.org_id order by 1, 2
=> SELECT "u"."id" AS "id", "o"."id" AS "id:1" FROM "users" AS "u" FULL JOIN "orgs" AS "o" ON ("o"."id" = "u"."org_id") ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST
   columns: id int4 @1, id int8 @1
   tag: SELECT <n>
   | 1 | 1 |
   | 2 | 1 |
   | 3 | 2 |
   | 4 | NULL |
   | NULL | 3 |

select * from users u cross join orgs o where u.id = 1 and o.id = 2
=> SELECT "u"."id" AS "id", "u"."email" AS "email", "u"."name" AS "name", "u"."created_at" AS "created_at", "u"."score" AS "score", "u"."active" AS "active", "u"."org_id" AS "org_id", "o"."id" AS "id:1", "o"."name" AS "name:1" FROM "users" AS "u" CROSS JOIN "orgs" AS "o" WHERE (("u"."id" = 1) AND ("o"."id" = 2))
   columns: id int4 @1, email varchar(259) @2, name text @3, created_at timestamptz @4, score numeric(655366) @5, active bool @6, org_id int8 @7, id int8 @1, name text @2
   tag: SELECT <n>
   | 1 | a@x.io | Ann | 2026-04-20 10:00:00+00 | 10.50 | t | 1 | 2 | Beta |

select count(*), max(score), min(created_at), sum(id), avg(id), sum(score), avg(score) from users
=> SELECT count(*) AS "count", max("users"."score" COLLATE lg_numeric) AS "max", min("users"."created_at") AS "min", sum("users"."id") AS "sum", lg_num_avg("users"."id") AS "avg", lg_num_sum("users"."score") AS "sum:1", lg_num_avg("users"."score") AS "avg:1" FROM "users"
   columns: count int8, max numeric, min timestamptz, sum int8, avg numeric, sum numeric, avg numeric
   tag: SELECT <n>
   | 4 | 100.00 | 2026-04-20 10:00:00+00 | 10 | 2.5000000000000000 | 113.50 | 37.8333333333333333 |

select org_id, count(*) as n from users group by org_id order by org_id nulls first
=> SELECT "users"."org_id" AS "org_id", count(*) AS "n" FROM "users" GROUP BY "users"."org_id" ORDER BY 1 ASC NULLS FIRST
   columns: org_id int8 @7, n int8
   tag: SELECT <n>
   | NULL | 1 |
   | 1 | 2 |
   | 2 | 1 |

select org_id, count(*) from users group by 1 having count(*) > 1
=> SELECT "users"."org_id" AS "org_id", count(*) AS "count" FROM "users" GROUP BY "users"."org_id" HAVING (count(*) > 1)
   columns: org_id int8 @7, count int8
   tag: SELECT <n>
   | 1 | 2 |

select name from users group by org_id
=> ERROR 42803 column "users.name" must appear in the GROUP BY clause or be used in an aggregate function (position 8)

select id, name from users group by id order by id
=> SELECT "users"."id" AS "id", "users"."name" AS "name" FROM "users" GROUP BY "users"."id" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @3
   tag: SELECT <n>
   | 1 | Ann |
   | 2 | Bob |
   | 3 | NULL |
   | 4 | dan |

select distinct org_id from users order by org_id
=> SELECT DISTINCT "users"."org_id" AS "org_id" FROM "users" ORDER BY 1 ASC NULLS LAST
   columns: org_id int8 @7
   tag: SELECT <n>
   | 1 |
   | 2 |
   | NULL |

select id from users where name like 'A%' or name ilike 'D%' order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE (("users"."name" LIKE 'A%' ESCAPE '\') OR (lower("users"."name") LIKE lower('D%') ESCAPE '\')) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 1 |
   | 4 |

select id from users where name not like '%n' order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE ("users"."name" NOT LIKE '%n' ESCAPE '\') ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 2 |

select id from users where id in (1, 3) and org_id not in (2) order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE (("users"."id" IN (1, 3)) AND ("users"."org_id" NOT IN (2))) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 1 |

select id from users where score between 3 and 11 order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE ("users"."score" >= '3' COLLATE lg_numeric AND "users"."score" <= '11' COLLATE lg_numeric) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 1 |
   | 2 |

select id from users where active is not true order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE ("users"."active" IS NOT TRUE) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 2 |
   | 4 |

select id from users where org_id is distinct from 1 order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE ("users"."org_id" IS NOT 1) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 3 |
   | 4 |

select id, case when score > 10 then 'big' when score is null then 'none' else 'small' end from users order by id
=> SELECT "users"."id" AS "id", CASE WHEN ("users"."score" > '10' COLLATE lg_numeric) THEN 'big' WHEN ("users"."score" IS NULL) THEN 'none' ELSE 'small' END AS "case" FROM "users" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, case text
   tag: SELECT <n>
   | 1 | big |
   | 2 | small |
   | 3 | none |
   | 4 | big |

select coalesce(name, 'anon'), nullif(org_id, 1), greatest(id, 2), least(id, 2, null) from users order by id
=> SELECT coalesce("users"."name", 'anon') AS "coalesce", nullif("users"."org_id", 1) AS "nullif", lg_greatest(0, "users"."id", 2) AS "greatest", lg_least(0, "users"."id", 2, NULL) AS "least" FROM "users" ORDER BY "users"."id" ASC NULLS LAST
   columns: coalesce text, nullif int8, greatest int4, least int4
   tag: SELECT <n>
   | Ann | NULL | 2 | 1 |
   | Bob | NULL | 2 | 2 |
   | anon | 2 | 3 | 2 |
   | dan | NULL | 4 | 2 |

select id from users where exists (select 1 from orgs o where o.id = users.org_id and o.name = 'Beta')
=> SELECT "users"."id" AS "id" FROM "users" WHERE (EXISTS (SELECT 1 AS "?column?" FROM "orgs" AS "o" WHERE (("o"."id" = "users"."org_id") AND ("o"."name" = 'Beta'))))
   columns: id int4 @1
   tag: SELECT <n>
   | 3 |

select id, (select name from orgs where orgs.id = users.org_id) as org from users order by id
=> SELECT "users"."id" AS "id", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', 'more than one row returned by a subquery used as an expression') ELSE min("name") END FROM (SELECT * FROM (SELECT "orgs"."name" AS "name" FROM "orgs" WHERE ("orgs"."id" = "users"."org_id")) LIMIT 2)) AS "org" FROM "users" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, org text
   tag: SELECT <n>
   | 1 | Acme |
   | 2 | Acme |
   | 3 | Beta |
   | 4 | NULL |

select id from users where org_id in (select id from orgs where name <> 'Acme') order by id
=> SELECT "users"."id" AS "id" FROM "users" WHERE ("users"."org_id" IN (SELECT "orgs"."id" AS "id" FROM "orgs" WHERE ("orgs"."name" <> 'Acme'))) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 3 |

select id, email from users union select id, name from orgs order by 1, 2
=> SELECT "id" AS "id", "email" AS "email" FROM (SELECT "users"."id" AS "id", "users"."email" AS "email" FROM "users") UNION SELECT "orgs"."id" AS "id", "orgs"."name" AS "name" FROM "orgs" ORDER BY 1 ASC NULLS LAST, 2 ASC NULLS LAST
   columns: id int8, email varchar
   tag: SELECT <n>
   | 1 | Acme |
   | 1 | a@x.io |
   | 2 | Beta |
   | 2 | b@x.io |
   | 3 | Empty |
   | 3 | c@x.io |
   | 4 | d@x.io |

select id from users union all select id from orgs except select 2 order by 1
=> SELECT "id" AS "id" FROM (SELECT "users"."id" AS "id" FROM "users") UNION ALL SELECT "orgs"."id" AS "id" FROM "orgs" EXCEPT SELECT "?column?" AS "?column?" FROM (SELECT 2 AS "?column?") ORDER BY 1 ASC NULLS LAST
   columns: id int8
   tag: SELECT <n>
   | 1 |
   | 3 |
   | 4 |

select 1 union select 2.5
=> SELECT CAST("?column?" AS TEXT) AS "?column?" FROM (SELECT 1 AS "?column?") UNION SELECT '2.5' AS "?column?"
   columns: ?column? numeric
   tag: SELECT <n>
   | 1 |
   | 2.5 |

values (1, 'a'), (2, 'b')
=> VALUES (1, 'a'), (2, 'b')
   columns: column1 int4, column2 text
   tag: SELECT <n>
   | 1 | a |
   | 2 | b |

select * from (values (1, 'x'), (2, null)) as v(n, s) order by n desc
=> SELECT "v"."column1" AS "n", "v"."column2" AS "s" FROM (VALUES (1, 'x'), (2, NULL)) AS "v" ORDER BY 1 DESC NULLS FIRST
   columns: n int4, s text
   tag: SELECT <n>
   | 2 | NULL |
   | 1 | x |

select * from (select id, email as mail from users where id < 3) s order by s.id
=> SELECT "s"."id" AS "id", "s"."mail" AS "mail" FROM (SELECT "users"."id" AS "id", "users"."email" AS "mail" FROM "users" WHERE ("users"."id" < 3)) AS "s" ORDER BY 1 ASC NULLS LAST
   columns: id int4, mail varchar(259)
   tag: SELECT <n>
   | 1 | a@x.io |
   | 2 | b@x.io |

select 1, 'abc', 1.50, null, true, 1::int4, 'x'::text, 2::int8 as big, 3000000000, -7
=> SELECT 1 AS "?column?", 'abc' AS "?column?:1", '1.50' AS "?column?:2", NULL AS "?column?:3", 1 AS "?column?:4", 1 AS "int4", 'x' AS "text", 2 AS "big", 3000000000 AS "?column?:5", -7 AS "?column?:6"
   columns: ?column? int4, ?column? text, ?column? numeric, ?column? text, ?column? bool, int4 int4, text text, big int8, ?column? int8, ?column? int4
   tag: SELECT <n>
   | 1 | abc | 1.50 | NULL | t | 1 | x | 2 | 3000000000 | -7 |

select nope from users
=> ERROR 42703 column "nope" does not exist (position 8)
   hint: Perhaps you meant to reference the column "users.name".

select users.nope from users
=> ERROR 42703 column users.nope does not exist (position 8)
   hint: Perhaps you meant to reference the column "users.name".

select id from users, orgs
=> ERROR 42702 column reference "id" is ambiguous (position 8)

select x.id from users
=> ERROR 42P01 missing FROM-clause entry for table "x" (position 8)

select * from nope
=> ERROR 42P01 relation "nope" does not exist (position 15)

select id from users u where users.id = 1
=> ERROR 42P01 invalid reference to FROM-clause entry for table "users" (position 30)
   hint: Perhaps you meant to reference the table alias "u".

select 1 from users group by nope
=> ERROR 42703 column "nope" does not exist (position 30)
   hint: Perhaps you meant to reference the column "users.name".

select count(*) from users where count(*) > 1
=> ERROR 42803 aggregate functions are not allowed in WHERE (position 34)

select * from generate_series(1, 3)
=> SELECT "generate_series"."generate_series" AS "generate_series" FROM (WITH RECURSIVE "g"("v") AS (SELECT 1 WHERE (lg_series_step(1) > 0 AND 1 <= 3) OR (1 < 0 AND 1 >= 3) UNION ALL SELECT "v" + 1 FROM "g" WHERE (1 > 0 AND "v" + 1 <= 3) OR (1 < 0 AND "v" + 1 >= 3)) SELECT "v" AS "generate_series" FROM "g") AS "generate_series"
   columns: generate_series int4
   tag: SELECT <n>
   | 1 |
   | 2 |
   | 3 |

select g from generate_series(10, 1, -4) as g
=> SELECT "g"."generate_series" AS "g" FROM (WITH RECURSIVE "g"("v") AS (SELECT 10 WHERE (lg_series_step(-4) > 0 AND 10 <= 1) OR (-4 < 0 AND 10 >= 1) UNION ALL SELECT "v" + -4 FROM "g" WHERE (-4 > 0 AND "v" + -4 <= 1) OR (-4 < 0 AND "v" + -4 >= 1)) SELECT "v" AS "generate_series" FROM "g") AS "g"
   columns: g int4
   tag: SELECT <n>
   | 10 |
   | 6 |
   | 2 |

select s.n * 2 from generate_series(1, 3) as s(n) where s.n > 1
=> SELECT lg_int_check("s"."generate_series" * 2, 32) AS "?column?" FROM (WITH RECURSIVE "g"("v") AS (SELECT 1 WHERE (lg_series_step(1) > 0 AND 1 <= 3) OR (1 < 0 AND 1 >= 3) UNION ALL SELECT "v" + 1 FROM "g" WHERE (1 > 0 AND "v" + 1 <= 3) OR (1 < 0 AND "v" + 1 >= 3)) SELECT "v" AS "generate_series" FROM "g") AS "s" WHERE ("s"."generate_series" > 1)
   columns: ?column? int4
   tag: SELECT <n>
   | 4 |
   | 6 |

select * from current_schema()
=> SELECT "current_schema"."generate_series" AS "current_schema" FROM (SELECT 'public' AS "generate_series") AS "current_schema"
   columns: current_schema name
   tag: SELECT <n>
   | public |

select u.id, x from users u, lower('ABC') x where u.id = 1
=> SELECT "u"."id" AS "id", "x"."generate_series" AS "x" FROM "users" AS "u", (SELECT lower('ABC') AS "generate_series") AS "x" WHERE ("u"."id" = 1)
   columns: id int4 @1, x text
   tag: SELECT <n>
   | 1 | abc |

select * from generate_series(1, 3, 0)
=> SELECT "generate_series"."generate_series" AS "generate_series" FROM (WITH RECURSIVE "g"("v") AS (SELECT 1 WHERE (lg_series_step(0) > 0 AND 1 <= 3) OR (0 < 0 AND 1 >= 3) UNION ALL SELECT "v" + 0 FROM "g" WHERE (0 > 0 AND "v" + 0 <= 3) OR (0 < 0 AND "v" + 0 >= 3)) SELECT "v" AS "generate_series" FROM "g") AS "generate_series"
   columns: generate_series int4
   tag: SELECT <n>
   !! SQLSTATE 22023: step size cannot equal zero

select count(*) from generate_series(1, 100000)
=> SELECT count(*) AS "count" FROM (WITH RECURSIVE "g"("v") AS (SELECT 1 WHERE (lg_series_step(1) > 0 AND 1 <= 100000) OR (1 < 0 AND 1 >= 100000) UNION ALL SELECT "v" + 1 FROM "g" WHERE (1 > 0 AND "v" + 1 <= 100000) OR (1 < 0 AND "v" + 1 >= 100000)) SELECT "v" AS "generate_series" FROM "g") AS "generate_series"
   columns: count int8
   tag: SELECT <n>
   | 100000 |

select distinct on (org_id) org_id, id, name from users order by org_id, id desc
=> SELECT "org_id", "id", "name" FROM (SELECT "users"."org_id" AS "org_id", "users"."id" AS "id", "users"."name" AS "name", "users"."org_id" AS "?sort1", "users"."id" AS "?sort2", row_number() OVER (PARTITION BY "users"."org_id" ORDER BY "users"."org_id" ASC NULLS LAST, "users"."id" DESC NULLS FIRST) AS "?rn" FROM "users") WHERE "?rn" = 1 ORDER BY "?sort1" ASC NULLS LAST, "?sort2" DESC NULLS FIRST
   columns: org_id int8 @7, id int4 @1, name text @3
   tag: SELECT <n>
   | 1 | 2 | Bob |
   | 2 | 3 | NULL |
   | NULL | 4 | dan |

select distinct on (1) org_id, email from users order by 1 nulls first, score desc nulls last limit 2
=> SELECT "org_id", "email" FROM (SELECT "users"."org_id" AS "org_id", "users"."email" AS "email", "users"."org_id" AS "?sort1", "users"."score" AS "?sort2", row_number() OVER (PARTITION BY "users"."org_id" ORDER BY "users"."org_id" ASC NULLS FIRST, "users"."score" COLLATE lg_numeric DESC NULLS LAST) AS "?rn" FROM "users") WHERE "?rn" = 1 ORDER BY "?sort1" ASC NULLS FIRST, "?sort2" COLLATE lg_numeric DESC NULLS LAST LIMIT 2
   columns: org_id int8 @7, email varchar(259) @2
   tag: SELECT <n>
   | NULL | d@x.io |
   | 1 | a@x.io |

select count(*) from (select distinct on (active) id from users) s
=> SELECT count(*) AS "count" FROM (SELECT "id" FROM (SELECT "users"."id" AS "id", row_number() OVER (PARTITION BY "users"."active") AS "?rn" FROM "users") WHERE "?rn" = 1) AS "s"
   columns: count int8
   tag: SELECT <n>
   | 3 |

select distinct on (org_id) id from users order by id
=> ERROR 42P10 SELECT DISTINCT ON expressions must match initial ORDER BY expressions (position 21)

