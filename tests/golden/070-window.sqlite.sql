-- pg: CREATE TABLE s (id int4 PRIMARY KEY, dept text, amount numeric(8,2), qty int4)
-- pg: INSERT INTO s VALUES (1, 'a', 10, 1), (2, 'a', 20, 2), (3, 'b', 5, 3), (4, 'b', NULL, 4), (5, 'a', 30, NULL)
-- sqlite: CREATE TABLE "s" ("id" int4 NOT NULL, "dept" text, "amount" numeric TEXT(8,2) COLLATE lg_numeric, "qty" int4, CONSTRAINT "s_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO s VALUES (1, 'a', '10.00', 1), (2, 'a', '20.00', 2), (3, 'b', '5.00', 3), (4, 'b', NULL, 4), (5, 'a', '30.00', NULL)

select id, row_number() over (order by id desc), rank() over (partition by dept order by amount), dense_rank() over (order by dept) from s order by id
=> SELECT "s"."id" AS "id", row_number() OVER (ORDER BY "s"."id" DESC NULLS FIRST) AS "row_number", rank() OVER (PARTITION BY "s"."dept" ORDER BY "s"."amount" COLLATE lg_numeric ASC NULLS LAST) AS "rank", dense_rank() OVER (ORDER BY "s"."dept" ASC NULLS LAST) AS "dense_rank" FROM "s" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, row_number int8, rank int8, dense_rank int8
   tag: SELECT <n>
   | 1 | 5 | 1 | 1 |
   | 2 | 4 | 2 | 1 |
   | 3 | 3 | 1 | 2 |
   | 4 | 2 | 2 | 2 |
   | 5 | 1 | 3 | 1 |

select id, sum(amount) over (partition by dept), avg(qty) over (partition by dept), count(*) over () from s order by id
=> SELECT "s"."id" AS "id", lg_num_sum("s"."amount") OVER (PARTITION BY "s"."dept") AS "sum", lg_num_avg("s"."qty") OVER (PARTITION BY "s"."dept") AS "avg", count(*) OVER () AS "count" FROM "s" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, sum numeric, avg numeric, count int8
   tag: SELECT <n>
   | 1 | 60.00 | 1.5000000000000000 | 5 |
   | 2 | 60.00 | 1.5000000000000000 | 5 |
   | 3 | 5.00 | 3.5000000000000000 | 5 |
   | 4 | 5.00 | 3.5000000000000000 | 5 |
   | 5 | 60.00 | 1.5000000000000000 | 5 |

select id, sum(amount) over (order by id rows between 1 preceding and current row), max(qty) over (order by id rows unbounded preceding) from s order by id
=> SELECT "s"."id" AS "id", lg_num_sum("s"."amount") OVER (ORDER BY "s"."id" ASC NULLS LAST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS "sum", max("s"."qty") OVER (ORDER BY "s"."id" ASC NULLS LAST ROWS UNBOUNDED PRECEDING) AS "max" FROM "s" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, sum numeric, max int4
   tag: SELECT <n>
   | 1 | 10.00 | 1 |
   | 2 | 30.00 | 2 |
   | 3 | 25.00 | 3 |
   | 4 | 5.00 | 4 |
   | 5 | 30.00 | 4 |

select id, lag(amount) over (order by id), lead(qty, 2, 0) over (order by id), first_value(id) over (partition by dept order by id), ntile(2) over (order by id) from s order by id
=> SELECT "s"."id" AS "id", lag("s"."amount") OVER (ORDER BY "s"."id" ASC NULLS LAST) AS "lag", lead("s"."qty", 2, 0) OVER (ORDER BY "s"."id" ASC NULLS LAST) AS "lead", first_value("s"."id") OVER (PARTITION BY "s"."dept" ORDER BY "s"."id" ASC NULLS LAST) AS "first_value", ntile(2) OVER (ORDER BY "s"."id" ASC NULLS LAST) AS "ntile" FROM "s" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, lag numeric, lead int4, first_value int4, ntile int4
   tag: SELECT <n>
   | 1 | NULL | 3 | 1 | 1 |
   | 2 | 10.00 | 4 | 1 | 1 |
   | 3 | 20.00 | NULL | 3 | 1 |
   | 4 | 5.00 | 0 | 3 | 2 |
   | 5 | NULL | 0 | 1 | 2 |

select id, percent_rank() over (order by qty), cume_dist() over (order by qty nulls first) from s order by id
=> SELECT "s"."id" AS "id", percent_rank() OVER (ORDER BY "s"."qty" ASC NULLS LAST) AS "percent_rank", cume_dist() OVER (ORDER BY "s"."qty" ASC NULLS FIRST) AS "cume_dist" FROM "s" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, percent_rank float8, cume_dist float8
   tag: SELECT <n>
   | 1 | 0 | 0.4 |
   | 2 | 0.25 | 0.6 |
   | 3 | 0.5 | 0.8 |
   | 4 | 0.75 | 1 |
   | 5 | 1 | 0.2 |

-- nopg: PostgreSQL says 42P20, not in common/sqlstate.def yet
select id from s where row_number() over () > 1
=> ERROR 42P20 window functions are not allowed in WHERE (position 24)

select dept, sum(sum(qty)) over () from s group by dept order by dept
=> SELECT "s"."dept" AS "dept", lg_num_sum(sum("s"."qty")) OVER () AS "sum" FROM "s" GROUP BY "s"."dept" ORDER BY 1 ASC NULLS LAST
   columns: dept text @2, sum numeric
   tag: SELECT <n>
   | a | 10 |
   | b | 10 |

select row_number() from s
=> ERROR 42809 window function row_number requires an OVER clause (position 8)

select lower(dept) over () from s
=> ERROR 42809 OVER specified, but lower is not a window function nor an aggregate function (position 8)

