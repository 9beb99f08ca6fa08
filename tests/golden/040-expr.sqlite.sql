-- pg: CREATE TABLE n (id int4 PRIMARY KEY, i2 int2, i8 int8, num numeric, num2 numeric(10,2), f8 float8, f4 float4, s text, v varchar(10), b bool, d date, ts timestamp, tz timestamptz, u uuid)
-- pg: INSERT INTO n VALUES (1, 2, 3000000000, 1.5, 2.25, 0.5, 1.5, 'Hello', 'World', true, '2026-04-23', '2026-04-23 10:00:00', '2026-04-23 10:00:00+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
-- pg: INSERT INTO n VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
-- sqlite: CREATE TABLE "n" ("id" int4 NOT NULL, "i2" int2, "i8" int8, "num" numeric TEXT COLLATE lg_numeric, "num2" numeric TEXT(10,2) COLLATE lg_numeric, "f8" float8, "f4" float4, "s" text, "v" varchar(10), "b" bool, "d" date TEXT, "ts" timestamp TEXT, "tz" timestamptz TEXT, "u" uuid TEXT, CONSTRAINT "n_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO n VALUES (1, 2, 3000000000, '1.5', '2.25', 0.5, 1.5, 'Hello', 'World', 1, '2026-04-23', '2026-04-23 10:00:00', '2026-04-23 10:00:00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)

select i2 + i2, i2 + 1, id + i8, id * 2.5, num + num2, num2 * num2, f8 + 1, f4 * f4, f4 + 1, 7 / 2, -7 / 2, 7 % 3, 2 ^ 10, 2.0 ^ 3 from n where id = 1
=> SELECT lg_int_check("n"."i2" + "n"."i2", 16) AS "?column?", lg_int_check("n"."i2" + 1, 32) AS "?column?:1", lg_int_check("n"."id" + "n"."i8", 64) AS "?column?:2", lg_num_mul(CAST("n"."id" AS TEXT), '2.5') AS "?column?:3", lg_num_add("n"."num", "n"."num2") AS "?column?:4", lg_num_mul("n"."num2", "n"."num2") AS "?column?:5", "n"."f8" + 1 AS "?column?:6", "n"."f4" * "n"."f4" AS "?column?:7", "n"."f4" + 1 AS "?column?:8", lg_int_check(7 / 2, 32) AS "?column?:9", lg_int_check(-7 / 2, 32) AS "?column?:10", lg_int_check(7 % 3, 32) AS "?column?:11", pow(2, 10) AS "?column?:12", lg_num_pow('2.0', '3') AS "?column?:13" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? int2, ?column? int4, ?column? int8, ?column? numeric, ?column? numeric, ?column? numeric, ?column? float8, ?column? float4, ?column? float8, ?column? int4, ?column? int4, ?column? int4, ?column? float8, ?column? numeric
   tag: SELECT <n>
   | 4 | 3 | 3000000001 | 2.5 | 3.75 | 5.0625 | 1.5 | 2.25 | 2.5 | 3 | -3 | 1 | 1024 | 8.0000000000000000 |

select 1 / 3.0, 10.0 / 4, num / 3, avg(num2) from n group by num
=> SELECT lg_num_div('1', '3.0') AS "?column?", lg_num_div('10.0', '4') AS "?column?:1", lg_num_div("n"."num", '3') AS "?column?:2", lg_num_avg("n"."num2") AS "avg" FROM "n" GROUP BY "n"."num"
   columns: ?column? numeric, ?column? numeric, ?column? numeric, avg numeric
   tag: SELECT <n>
   | 0.33333333333333333333 | 2.5000000000000000 | NULL | NULL |
   | 0.33333333333333333333 | 2.5000000000000000 | 0.50000000000000000000 | 2.2500000000000000 |

select 1 / 0
=> SELECT lg_int_check(lg_div(1, 0), 32) AS "?column?"
   columns: ?column? int4
   tag: SELECT <n>
   !! SQLSTATE 22012: division by zero

select 1.5 / 0
=> SELECT lg_num_div('1.5', '0') AS "?column?"
   columns: ?column? numeric
   tag: SELECT <n>
   !! SQLSTATE 22012: division by zero

select id / (id - 1) from n where id = 1
=> SELECT lg_int_check(lg_div("n"."id", lg_int_check("n"."id" - 1, 32)), 32) AS "?column?" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? int4
   tag: SELECT <n>
   !! SQLSTATE 22012: division by zero

select f8 / 0 from n where id = 1
=> SELECT lg_div("n"."f8", 0) AS "?column?" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? float8
   tag: SELECT <n>
   !! SQLSTATE 22012: division by zero

select 5 % 0
=> SELECT lg_int_check(lg_mod(5, 0), 32) AS "?column?"
   columns: ?column? int4
   tag: SELECT <n>
   !! SQLSTATE 22012: division by zero

select '12'::int4 + 1, '1.50'::numeric, 1.5::numeric(3,0), 2.5::int4, (-2.5)::int4, 3.7::int8, '2026-04-23T10:00:00Z'::timestamptz, '2026-04-23'::date, 'yes'::bool, '  7 '::int2
=> SELECT lg_int_check(12 + 1, 32) AS "?column?", '1.50' AS "numeric", '2' AS "numeric:1", lg_cast('2.5', 1700, 23, -1) AS "int4", lg_cast('-2.5', 1700, 23, -1) AS "int4:1", lg_cast('3.7', 1700, 20, -1) AS "int8", '2026-04-23 10:00:00' AS "timestamptz", '2026-04-23' AS "date", 1 AS "bool", 7 AS "int2"
   columns: ?column? int4, numeric numeric, numeric numeric(196612), int4 int4, int4 int4, int8 int8, timestamptz timestamptz, date date, bool bool, int2 int2
   tag: SELECT <n>
   | 13 | 1.50 | 2 | 3 | -3 | 4 | 2026-04-23 10:00:00+00 | 2026-04-23 | t | 7 |

select 'abc'::int4
=> ERROR 22P02 invalid input syntax for type integer: "abc" (position 8)

select '2026-13-45'::date
=> ERROR 22008 date/time field value out of range: "2026-13-45" (position 8)
   hint: Perhaps you need a different "datestyle" setting.

select 1::timestamptz
=> ERROR 42846 cannot cast type integer to timestamp with time zone (position 9)

select s::int4 from n where id = 1
=> SELECT lg_cast("n"."s", 25, 23, -1) AS "s" FROM "n" WHERE ("n"."id" = 1)
   columns: s int4
   tag: SELECT <n>
   !! SQLSTATE 22P02: invalid input syntax for type integer: "Hello"

select id::text, num::text, b::text, b::int4, id::bool, num2::float8, f8::numeric, i8::int4, num::int4, d::timestamp, tz::date, ts::timestamptz, u::text, s::varchar(3) from n where id = 1
=> SELECT lg_cast("n"."id", 23, 25, -1) AS "id", lg_cast("n"."num", 1700, 25, -1) AS "num", lg_cast("n"."b", 16, 25, -1) AS "b", "n"."b" AS "b:1", ("n"."id" <> 0) AS "id:1", CAST("n"."num2" AS REAL) AS "num2", lg_cast("n"."f8", 701, 1700, -1) AS "f8", lg_cast("n"."i8", 20, 23, -1) AS "i8", lg_cast("n"."num", 1700, 23, -1) AS "num:1", lg_cast("n"."d", 1082, 1114, -1) AS "d", lg_cast("n"."tz", 1184, 1082, -1) AS "tz", "n"."ts" AS "ts", lg_cast("n"."u", 2950, 25, -1) AS "u", lg_cast(substr("n"."s", 1, 3), 1043, 1043, 7) AS "s" FROM "n" WHERE ("n"."id" = 1)
   columns: id text, num text, b text, b int4, id bool, num2 float8, f8 numeric, i8 int4, num int4, d timestamp, tz date, ts timestamptz, u text, s varchar(7)
   tag: SELECT <n>
   !! SQLSTATE 22003: integer out of range

select i8::int2 from n where id = 1
=> SELECT lg_cast("n"."i8", 20, 21, -1) AS "i8" FROM "n" WHERE ("n"."id" = 1)
   columns: i8 int2
   tag: SELECT <n>
   !! SQLSTATE 22003: smallint out of range

select 1 + '2', 'x' || 1, 1 || 'x', s || b, s || num, s || null from n where id = 1
=> SELECT lg_int_check(1 + 2, 32) AS "?column?", 'x' || lg_cast(1, 23, 25, -1) AS "?column?:1", lg_cast(1, 23, 25, -1) || 'x' AS "?column?:2", "n"."s" || lg_cast("n"."b", 16, 25, -1) AS "?column?:3", "n"."s" || lg_cast("n"."num", 1700, 25, -1) AS "?column?:4", "n"."s" || NULL AS "?column?:5" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? int4, ?column? text, ?column? text, ?column? text, ?column? text, ?column? text
   tag: SELECT <n>
   | 3 | x1 | 1x | Hellotrue | Hello1.5 | NULL |

select 'a' < 'b', 1 < 2.5, d > '2026-01-01', tz < '2026-04-24', ts = '2026-04-23 10:00', d = tz, u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' from n where id = 1
=> SELECT 'a' < 'b' AS "?column?", '1' < '2.5' COLLATE lg_numeric AS "?column?:1", "n"."d" > '2026-01-01' AS "?column?:2", "n"."tz" < '2026-04-24 00:00:00' AS "?column?:3", "n"."ts" = '2026-04-23 10:00:00' AS "?column?:4", lg_cast("n"."d", 1082, 1184, -1) = "n"."tz" AS "?column?:5", "n"."u" = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS "?column?:6" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool
   tag: SELECT <n>
   | t | t | t | t | t | f | t |

select id = 'x' from n
=> ERROR 22P02 invalid input syntax for type integer: "x" (position 13)

select s = 1 from n
=> ERROR 42883 operator does not exist: text = integer (position 10)
   hint: No operator matches the given name and argument types. You might need to add explicit type casts.

select b = 1 from n
=> ERROR 42883 operator does not exist: boolean = integer (position 10)
   hint: No operator matches the given name and argument types. You might need to add explicit type casts.

select u = 'nope' from n
=> ERROR 22P02 invalid input syntax for type uuid: "nope" (position 12)

select lower(s), upper(v), length(s), char_length(v), substr(s, 2), substring(s, 2, 3), substring(s from 2 for 2), substr(s, -1, 3), position('l' in s), strpos(s, 'lo'), replace(s, 'l', 'L') from n where id = 1
=> SELECT lower("n"."s") AS "lower", upper("n"."v") AS "upper", length("n"."s") AS "length", length("n"."v") AS "char_length", lg_substr("n"."s", 2) AS "substr", lg_substr("n"."s", 2, 3) AS "substring", lg_substr("n"."s", 2, 2) AS "substring:1", lg_substr("n"."s", -1, 3) AS "substr:1", instr("n"."s", 'l') AS "position", instr("n"."s", 'lo') AS "strpos", replace("n"."s", 'l', 'L') AS "replace" FROM "n" WHERE ("n"."id" = 1)
   columns: lower text, upper text, length int4, char_length int4, substr text, substring text, substring text, substr text, position int4, strpos int4, replace text
   tag: SELECT <n>
   | hello | WORLD | 5 | 5 | ello | ell | el | H | 3 | 4 | HeLLo |

select trim('  a  '), trim(both 'x' from 'xxaxx'), ltrim('  a'), rtrim('a  '), btrim('xyx', 'x'), concat('a', 1, null, true), concat_ws('-', 'a', null, 2), left('hello', 2), left('hello', -2), right('hello', 2), right('hello', -2), repeat('ab', 3), reverse('abc')
=> SELECT trim('  a  ') AS "btrim", trim('xxaxx', 'x') AS "btrim:1", ltrim('  a') AS "ltrim", rtrim('a  ') AS "rtrim", trim('xyx', 'x') AS "btrim:2", (coalesce('a', '') || coalesce(CAST(1 AS TEXT), '') || coalesce(NULL, '') || coalesce(lg_out(1, 16), '')) AS "concat", lg_concat_ws('-', 'a', NULL, CAST(2 AS TEXT)) AS "concat_ws", lg_left('hello', 2) AS "left", lg_left('hello', -2) AS "left:1", lg_right('hello', 2) AS "right", lg_right('hello', -2) AS "right:1", lg_repeat('ab', 3) AS "repeat", lg_reverse('abc') AS "reverse"
   columns: btrim text, btrim text, ltrim text, rtrim text, btrim text, concat text, concat_ws text, left text, left text, right text, right text, repeat text, reverse text
   tag: SELECT <n>
   | a | a | a | a | y | a1t | a-2 | he | hel | lo | llo | ababab | cba |

select abs(-5), abs(-5.5), abs(f8), round(2.5), round(-2.5), round(2.5::float8), round(3.14159, 2), round(1234.5, -2), ceil(1.2), ceil(-1.2), floor(-1.2), ceiling(2), mod(7, 3), mod(7.5, 2), power(2, 3), sqrt(16), trunc(2.789, 1) from n where id = 1
=> SELECT lg_int_abs(-5, 4) AS "abs", lg_num_abs('-5.5') AS "abs:1", abs("n"."f8") AS "abs:2", lg_num_round('2.5', 0) AS "round", lg_num_round('-2.5', 0) AS "round:1", lg_round(2.5) AS "round:2", lg_num_round('3.14159', 2) AS "round:3", lg_num_round('1234.5', -2) AS "round:4", lg_num_ceil('1.2') AS "ceil", lg_num_ceil('-1.2') AS "ceil:1", lg_num_floor('-1.2') AS "floor", ceil(CAST(2 AS REAL)) AS "ceiling", lg_mod(7, 3) AS "mod", lg_num_mod('7.5', '2') AS "mod:1", lg_pow(CAST(2 AS REAL), CAST(3 AS REAL)) AS "power", lg_sqrt(CAST(16 AS REAL)) AS "sqrt", lg_num_trunc('2.789', 1) AS "trunc" FROM "n" WHERE ("n"."id" = 1)
   columns: abs int4, abs numeric, abs float8, round numeric, round numeric, round float8, round numeric, round numeric, ceil numeric, ceil numeric, floor numeric, ceiling float8, mod int4, mod numeric, power float8, sqrt float8, trunc numeric
   tag: SELECT <n>
   | 5 | 5.5 | 0.5 | 3 | -3 | 2 | 3.14 | 1200 | 2 | -1 | -2 | 2 | 1 | 1.5 | 8 | 4 | 2.7 |

select greatest(1, 2.5, null), least('b', 'a'), coalesce(null, null, 3), nullif('a', 'a'), greatest(num, num2) from n where id = 1
=> SELECT lg_greatest(1, '1', '2.5', NULL) AS "greatest", lg_least(0, 'b', 'a') AS "least", coalesce(NULL, NULL, 3) AS "coalesce", nullif('a', 'a') AS "nullif", lg_greatest(1, "n"."num", "n"."num2") AS "greatest:1" FROM "n" WHERE ("n"."id" = 1)
   columns: greatest numeric, least text, coalesce int4, nullif text, greatest numeric
   tag: SELECT <n>
   | 2.5 | a | 3 | NULL | 2.25 |

-- nopg: the test database is "app"
select version() like 'PostgreSQL 15%', current_database(), current_schema(), current_user, session_user, user, current_schema
=> SELECT lg_version() LIKE 'PostgreSQL 15%' ESCAPE '\' AS "?column?", lg_current_database() AS "current_database", 'public' AS "current_schema", lg_current_user() AS "current_user", lg_current_user() AS "session_user", lg_current_user() AS "user", 'public' AS "current_schema:1"
   columns: ?column? bool, current_database name, current_schema name, current_user name, session_user name, user name, current_schema name
   tag: SELECT <n>
   | t | app | public | postgres | postgres | postgres | public |

-- nopg: the test's clock is fixed
select now(), current_timestamp, transaction_timestamp(), localtimestamp, current_date, now() = statement_timestamp()
=> SELECT lg_now() AS "now", lg_now() AS "current_timestamp", lg_now() AS "transaction_timestamp", lg_now() AS "localtimestamp", lg_current_date() AS "current_date", lg_now() = lg_statement_timestamp() AS "?column?"
   columns: now timestamptz, current_timestamp timestamptz, transaction_timestamp timestamptz, localtimestamp timestamp, current_date date, ?column? bool
   tag: SELECT <n>
   | 2026-04-23 10:00:00.123456+00 | 2026-04-23 10:00:00.123456+00 | 2026-04-23 10:00:00.123456+00 | 2026-04-23 10:00:00.123456 | 2026-04-23 | t |

select length(gen_random_uuid()::text)
=> SELECT length(lg_cast(lg_gen_random_uuid(), 2950, 25, -1)) AS "length"
   columns: length int4
   tag: SELECT <n>
   | 36 |

select count(*), count(i2), count(distinct b), sum(i2), sum(i8), sum(f8), sum(num), avg(i2), avg(f8), min(s), max(v), bool_and(b), bool_or(b), string_agg(s, ',') from n
=> SELECT count(*) AS "count", count("n"."i2") AS "count:1", count(DISTINCT "n"."b") AS "count:2", sum("n"."i2") AS "sum", lg_num_sum("n"."i8") AS "sum:1", sum("n"."f8") AS "sum:2", lg_num_sum("n"."num") AS "sum:3", lg_num_avg("n"."i2") AS "avg", avg("n"."f8") AS "avg:1", min("n"."s") AS "min", max("n"."v") AS "max", min("n"."b") AS "bool_and", max("n"."b") AS "bool_or", group_concat("n"."s", ',') AS "string_agg" FROM "n"
   columns: count int8, count int8, count int8, sum int8, sum numeric, sum float8, sum numeric, avg numeric, avg float8, min text, max text, bool_and bool, bool_or bool, string_agg text
   tag: SELECT <n>
   | 2 | 1 | 1 | 2 | 3000000000 | 0.5 | 1.5 | 2.0000000000000000 | 0.5 | Hello | World | t | t | Hello |

select sum(id) filter (where id > 1) from n
=> SELECT sum("n"."id") FILTER (WHERE ("n"."id" > 1)) AS "sum" FROM "n"
   columns: sum int8
   tag: SELECT <n>
   | 2 |

select max(count(*)) from n
=> ERROR 42803 aggregate function calls cannot be nested (position 12)

select nope(1)
=> ERROR 42883 function nope(integer) does not exist (position 8)
   hint: No function matches the given name and argument types. You might need to add explicit type casts.

select lower(1)
=> ERROR 42883 function lower(integer) does not exist (position 8)
   hint: No function matches the given name and argument types. You might need to add explicit type casts.

select lower('a', 'b')
=> ERROR 42883 function lower(unknown, unknown) does not exist (position 8)
   hint: No function matches the given name and argument types. You might need to add explicit type casts.

select d + 1, d - 1, 1 + d, d - d, d - '2026-01-01' from n where id = 1
=> SELECT lg_date_add("n"."d", 1) AS "?column?", lg_date_add("n"."d", -1) AS "?column?:1", lg_date_add("n"."d", 1) AS "?column?:2", lg_date_diff("n"."d", "n"."d") AS "?column?:3", lg_date_diff("n"."d", '2026-01-01') AS "?column?:4" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? date, ?column? date, ?column? date, ?column? int4, ?column? int4
   tag: SELECT <n>
   | 2026-04-24 | 2026-04-22 | 2026-04-24 | 0 | 112 |

select case when id = 1 then 1 else 'x' end from n
=> ERROR 22P02 invalid input syntax for type integer: "x" (position 37)

select case id when 1 then 'one' when 2 then 'two' end, case when b then 1 else 2.5 end from n order by id
=> SELECT CASE "n"."id" WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS "case", CASE WHEN "n"."b" THEN '1' ELSE '2.5' END AS "case:1" FROM "n" ORDER BY "n"."id" ASC NULLS LAST
   columns: case text, case numeric
   tag: SELECT <n>
   | one | 1 |
   | two | 2.5 |

select coalesce(s, 1) from n
=> ERROR 42804 COALESCE types text and integer cannot be matched (position 20)

select 'a' like 'A%', 'a' ilike 'A%', 'a_c' like 'a\_c', 'abc' like 'a\_c', 'a%' like 'a#%' escape '#', s not ilike '%LL%' from n where id = 1
=> SELECT 'a' LIKE 'A%' ESCAPE '\' AS "?column?", lower('a') LIKE lower('A%') ESCAPE '\' AS "?column?:1", 'a_c' LIKE 'a\_c' ESCAPE '\' AS "?column?:2", 'abc' LIKE 'a\_c' ESCAPE '\' AS "?column?:3", 'a%' LIKE 'a#%' ESCAPE '#' AS "?column?:4", lower("n"."s") NOT LIKE lower('%LL%') ESCAPE '\' AS "?column?:5" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool
   tag: SELECT <n>
   | f | t | t | f | t | f |

select 1 between 0 and 2, 5 not between 0 and 2, 3 between symmetric 5 and 1, 'b' between 'a' and 'c'
=> SELECT (1 >= 0 AND 1 <= 2) AS "?column?", (5 < 0 OR 5 > 2) AS "?column?:1", (3 >= 5 AND 3 <= 1) OR (3 >= 1 AND 3 <= 5) AS "?column?:2", ('b' >= 'a' AND 'b' <= 'c') AS "?column?:3"
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool
   tag: SELECT <n>
   | t | t | t | t |

select id from n where id in (select id from n where b) order by id
=> SELECT "n"."id" AS "id" FROM "n" WHERE ("n"."id" IN (SELECT "n"."id" AS "id" FROM "n" WHERE "n"."b")) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 1 |

select 1 in (1, 2), 3 not in (1, 2), null in (1), 1 in (2, null), 'a' in ('a', 'b')
=> SELECT 1 IN (1, 2) AS "?column?", 3 NOT IN (1, 2) AS "?column?:1", NULL IN (1) AS "?column?:2", 1 IN (2, NULL) AS "?column?:3", 'a' IN ('a', 'b') AS "?column?:4"
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool
   tag: SELECT <n>
   | t | t | NULL | NULL | t |

select exists (select 1 from n where false), (select 1), (select s from n where id = 99)
=> SELECT EXISTS (SELECT 1 AS "?column?" FROM "n" WHERE 0) AS "exists", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', 'more than one row returned by a subquery used as an expression') ELSE min("?column?") END FROM (SELECT * FROM (SELECT 1 AS "?column?") LIMIT 2)) AS "?column?", (SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', 'more than one row returned by a subquery used as an expression') ELSE min("s") END FROM (SELECT * FROM (SELECT "n"."s" AS "s" FROM "n" WHERE ("n"."id" = 99)) LIMIT 2)) AS "s"
   columns: exists bool, ?column? int4, s text
   tag: SELECT <n>
   | f | 1 | NULL |

select (select id from n)
=> SELECT (SELECT CASE WHEN count(*) > 1 THEN lg_raise('21000', 'more than one row returned by a subquery used as an expression') ELSE min("id") END FROM (SELECT * FROM (SELECT "n"."id" AS "id" FROM "n") LIMIT 2)) AS "id"
   columns: id int4
   tag: SELECT <n>
   !! SQLSTATE 21000: more than one row returned by a subquery used as an expression

select (select id, s from n)
=> ERROR 42601 subquery must return only one column (position 8)

select id, s, case when s is null then 'none' end as label from n order by label nulls first, id desc
=> SELECT "n"."id" AS "id", "n"."s" AS "s", CASE WHEN ("n"."s" IS NULL) THEN 'none' END AS "label" FROM "n" ORDER BY 3 ASC NULLS FIRST, 1 DESC NULLS FIRST
   columns: id int4 @1, s text @8, label text
   tag: SELECT <n>
   | 1 | Hello | NULL |
   | 2 | NULL | none |

select s from n order by s collate "C"
=> SELECT "n"."s" AS "s" FROM "n" ORDER BY 1 ASC NULLS LAST
   columns: s text @8
   tag: SELECT <n>
   | Hello |
   | NULL |

-- nopg: PostgreSQL has no such collation either (42704)
select s from n order by s collate "en_US"
=> ERROR 0A000 feature not supported: COLLATE other than "C" (position 28)

select 1 collate "C"
=> ERROR 42804 collations are not supported by type integer (position 10)

select 1 where true and not false or null
=> SELECT 1 AS "?column?" WHERE ((1 AND (NOT 0)) OR NULL)
   columns: ?column? int4
   tag: SELECT <n>
   | 1 |

select 1 & 3, 1 | 2, 5 # 1, 1 << 4, 256 >> 2, ~1, |/ 16.0, @ -3
=> SELECT (1 & 3) AS "?column?", (1 | 2) AS "?column?:1", ((5 | 1) - (5 & 1)) AS "?column?:2", (1 << 4) AS "?column?:3", (256 >> 2) AS "?column?:4", ~1 AS "?column?:5", lg_sqrt('16.0') AS "?column?:6", abs(-3) AS "?column?:7"
   columns: ?column? int4, ?column? int4, ?column? int4, ?column? int4, ?column? int4, ?column? int4, ?column? float8, ?column? int4
   tag: SELECT <n>
   | 1 | 3 | 4 | 16 | 64 | -2 | 4 | 3 |

select i2 & 1 from n where id = 1
=> SELECT ("n"."i2" & 1) AS "?column?" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? int4
   tag: SELECT <n>
   | 0 |

select (1, 'a') < (1, 'b'), (2, 1.5) = (2, 1.50), (1, 2) <> (1, 2), row(1, null) = row(1, 2), (id, s) > (0, 'A') from n order by id
=> SELECT (1, 'a') < (1, 'b') AS "?column?", (2, '1.5' COLLATE lg_numeric) = (2, '1.50') AS "?column?:1", (1, 2) <> (1, 2) AS "?column?:2", (1, NULL) = (1, 2) AS "?column?:3", ("n"."id", "n"."s") > (0, 'A') AS "?column?:4" FROM "n" ORDER BY "n"."id" ASC NULLS LAST
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool
   tag: SELECT <n>
   | t | t | f | NULL | t |
   | t | t | f | NULL | t |

select id from n where (id, i2) in ((1, 2), (2, 3)) and (id, b) not in ((5, true))
=> SELECT "n"."id" AS "id" FROM "n" WHERE ((("n"."id", "n"."i2") = (1, 2) OR ("n"."id", "n"."i2") = (2, 3)) AND (NOT (("n"."id", "n"."b") = (5, 1))))
   columns: id int4 @1
   tag: SELECT <n>
   | 1 |

select (1, 2) = (1, 2, 3)
=> ERROR 42601 unequal number of entries in row expressions (position 15)

select 2147483647 + 1
=> SELECT lg_int_check(2147483647 + 1, 32) AS "?column?"
   columns: ?column? int4
   tag: SELECT <n>
   !! SQLSTATE 22003: integer out of range

select i2 * 1000::int2 from n where id = 1
=> SELECT lg_int_check("n"."i2" * lg_cast(1000, 23, 21, -1), 16) AS "?column?" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? int2
   tag: SELECT <n>
   | 2000 |

select 9223372036854775807 + i8 from n where id = 1
=> SELECT lg_int_check(9223372036854775807 + "n"."i8", 64) AS "?column?" FROM "n" WHERE ("n"."id" = 1)
   columns: ?column? int8
   tag: SELECT <n>
   !! SQLSTATE 22003: bigint out of range

select -(-2147483648)
=> SELECT 2147483648 AS "?column?"
   columns: ?column? int8
   tag: SELECT <n>
   | 2147483648 |

select id + 1, i2 + i2, i8 * 2, -id from n order by id
=> SELECT lg_int_check("n"."id" + 1, 32) AS "?column?", lg_int_check("n"."i2" + "n"."i2", 16) AS "?column?:1", lg_int_check("n"."i8" * 2, 64) AS "?column?:2", lg_int_check(-("n"."id"), 32) AS "?column?:3" FROM "n" ORDER BY "n"."id" ASC NULLS LAST
   columns: ?column? int4, ?column? int2, ?column? int8, ?column? int4
   tag: SELECT <n>
   | 2 | 4 | 6000000000 | -1 |
   | 3 | NULL | NULL | -2 |

