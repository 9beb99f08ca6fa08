-- pg: CREATE TABLE emp (id int4 PRIMARY KEY, boss int4, name text, salary numeric(10,2))
-- pg: INSERT INTO emp VALUES (1, NULL, 'root', 100), (2, 1, 'a', 50), (3, 1, 'b', 60), (4, 2, 'c', 10)
-- sqlite: CREATE TABLE "emp" ("id" int4 NOT NULL, "boss" int4, "name" text, "salary" numeric TEXT(10,2) COLLATE lg_numeric, CONSTRAINT "emp_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO emp VALUES (1, NULL, 'root', '100.00'), (2, 1, 'a', '50.00'), (3, 1, 'b', '60.00'), (4, 2, 'c', '10.00')

with rich as (select id, name from emp where salary > 55) select * from rich order by id
=> WITH "rich"("id", "name") AS (SELECT "emp"."id" AS "id", "emp"."name" AS "name" FROM "emp" WHERE ("emp"."salary" > '55' COLLATE lg_numeric)) SELECT "rich"."id" AS "id", "rich"."name" AS "name" FROM "rich" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @3
   tag: SELECT <n>
   | 1 | root |
   | 3 | b |

with a(x) as (select 1), b as (select x + 1 as y from a) select a.x, b.y from a, b
=> WITH "a"("?column?") AS (SELECT 1 AS "?column?"), "b"("y") AS (SELECT lg_int_check("a"."?column?" + 1, 32) AS "y" FROM "a") SELECT "a"."?column?" AS "x", "b"."y" AS "y" FROM "a", "b"
   columns: x int4, y int4
   tag: SELECT <n>
   | 1 | 2 |

with recursive chain(id, depth) as (select id, 0 from emp where boss is null union all select e.id, c.depth + 1 from emp e join chain c on e.boss = c.id) select * from chain order by id
=> WITH RECURSIVE "chain"("id", "?column?") AS (SELECT "emp"."id" AS "id", 0 AS "?column?" FROM "emp" WHERE ("emp"."boss" IS NULL) UNION ALL SELECT "e"."id" AS "id", lg_int_check("c"."?column?" + 1, 32) AS "?column?" FROM "emp" AS "e" JOIN "chain" AS "c" ON ("e"."boss" = "c"."id")) SELECT "chain"."id" AS "id", "chain"."?column?" AS "depth" FROM "chain" ORDER BY 1 ASC NULLS LAST
   columns: id int4, depth int4
   tag: SELECT <n>
   | 1 | 0 |
   | 2 | 1 |
   | 3 | 1 |
   | 4 | 2 |

with recursive n(i) as (values (1) union all select i + 1 from n where i < 5) select sum(i) from n
=> WITH RECURSIVE "n"("column1") AS (SELECT "column1" AS "column1" FROM (VALUES (1)) UNION ALL SELECT lg_int_check("n"."column1" + 1, 32) AS "?column?" FROM "n" WHERE ("n"."column1" < 5)) SELECT sum("n"."column1") AS "sum" FROM "n"
   columns: sum int8
   tag: SELECT <n>
   | 15 |

with t as (select 1 as a) insert into emp (id, name) select a + 10, 'new' from t returning id
=> WITH "t"("a") AS (SELECT 1 AS "a") INSERT INTO "emp" ("id", "name") SELECT lg_int_check("t"."a" + 10, 32) AS "?column?", 'new' AS "?column?:1" FROM "t" RETURNING "id" AS "id"
   columns: id int4 @1
   tag: INSERT 0 <n> [writes]
   | 11 |

with t as (select id from emp where name = 'new') delete from emp where id in (select id from t)
=> WITH "t"("id") AS (SELECT "emp"."id" AS "id" FROM "emp" WHERE ("emp"."name" = 'new')) DELETE FROM "emp" WHERE ("emp"."id" IN (SELECT "t"."id" AS "id" FROM "t"))
   tag: DELETE <n> [writes]
   changes: 1

with t as (select max(salary) as m from emp) update emp set salary = (select m from t) where id = 4 returning salary
=> WITH "t"("m") AS (SELECT max("emp"."salary" COLLATE lg_numeric) AS "m" FROM "emp") UPDATE "emp" SET "salary" = lg_cast((SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', 'more than one row returned by a subquery used as an expression') ELSE min("m") END FROM (SELECT * FROM (SELECT "t"."m" AS "m" FROM "t") LIMIT 2)), 1700, 1700, 655366) WHERE ("emp"."id" = 4) RETURNING "salary" AS "salary"
   columns: salary numeric(655366) @4
   tag: UPDATE <n> [writes]
   | 100.00 |

with x as (select 1), x as (select 2) select 1
=> ERROR 42712 WITH query name "x" specified more than once (position 23)

-- nopg: not supported
with x as (delete from emp returning *) select 1
=> ERROR 0A000 feature not supported: data-modifying statements in WITH (position 6)

select * from (with q as (select 2 as v) select v from q) s
=> SELECT "s"."v" AS "v" FROM (WITH "q"("v") AS (SELECT 2 AS "v") SELECT "q"."v" AS "v" FROM "q") AS "s"
   columns: v int4
   tag: SELECT <n>
   | 2 |

