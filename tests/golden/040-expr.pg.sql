-- pg: CREATE TABLE n (id int4 PRIMARY KEY, i2 int2, i8 int8, num numeric, num2 numeric(10,2), f8 float8, f4 float4, s text, v varchar(10), b bool, d date, ts timestamp, tz timestamptz, u uuid)
-- pg: INSERT INTO n VALUES (1, 2, 3000000000, 1.5, 2.25, 0.5, 1.5, 'Hello', 'World', true, '2026-04-23', '2026-04-23 10:00:00', '2026-04-23 10:00:00+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
-- pg: INSERT INTO n VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
-- sqlite: CREATE TABLE "n" ("id" int4 NOT NULL, "i2" int2, "i8" int8, "num" numeric TEXT COLLATE lg_numeric, "num2" numeric TEXT(10,2) COLLATE lg_numeric, "f8" float8, "f4" float4, "s" text, "v" varchar(10), "b" bool, "d" date TEXT, "ts" timestamp TEXT, "tz" timestamptz TEXT, "u" uuid TEXT, CONSTRAINT "n_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO n VALUES (1, 2, 3000000000, '1.5', '2.25', 0.5, 1.5, 'Hello', 'World', 1, '2026-04-23', '2026-04-23 10:00:00', '2026-04-23 10:00:00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)

select i2 + i2, i2 + 1, id + i8, id * 2.5, num + num2, num2 * num2, f8 + 1, f4 * f4, f4 + 1, 7 / 2, -7 / 2, 7 % 3, 2 ^ 10, 2.0 ^ 3 from n where id = 1

select 1 / 3.0, 10.0 / 4, num / 3, avg(num2) from n group by num

select 1 / 0

select 1.5 / 0

select id / (id - 1) from n where id = 1

select f8 / 0 from n where id = 1

select 5 % 0

select '12'::int4 + 1, '1.50'::numeric, 1.5::numeric(3,0), 2.5::int4, (-2.5)::int4, 3.7::int8, '2026-04-23T10:00:00Z'::timestamptz, '2026-04-23'::date, 'yes'::bool, '  7 '::int2

select 'abc'::int4

select '2026-13-45'::date

select 1::timestamptz

select s::int4 from n where id = 1

select id::text, num::text, b::text, b::int4, id::bool, num2::float8, f8::numeric, i8::int4, num::int4, d::timestamp, tz::date, ts::timestamptz, u::text, s::varchar(3) from n where id = 1

select i8::int2 from n where id = 1

select 1 + '2', 'x' || 1, 1 || 'x', s || b, s || num, s || null from n where id = 1

select 'a' < 'b', 1 < 2.5, d > '2026-01-01', tz < '2026-04-24', ts = '2026-04-23 10:00', d = tz, u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' from n where id = 1

select id = 'x' from n

select s = 1 from n

select b = 1 from n

select u = 'nope' from n

select lower(s), upper(v), length(s), char_length(v), substr(s, 2), substring(s, 2, 3), substring(s from 2 for 2), substr(s, -1, 3), position('l' in s), strpos(s, 'lo'), replace(s, 'l', 'L') from n where id = 1

select trim('  a  '), trim(both 'x' from 'xxaxx'), ltrim('  a'), rtrim('a  '), btrim('xyx', 'x'), concat('a', 1, null, true), concat_ws('-', 'a', null, 2), left('hello', 2), left('hello', -2), right('hello', 2), right('hello', -2), repeat('ab', 3), reverse('abc')

select abs(-5), abs(-5.5), abs(f8), round(2.5), round(-2.5), round(2.5::float8), round(3.14159, 2), round(1234.5, -2), ceil(1.2), ceil(-1.2), floor(-1.2), ceiling(2), mod(7, 3), mod(7.5, 2), power(2, 3), sqrt(16), trunc(2.789, 1) from n where id = 1

select greatest(1, 2.5, null), least('b', 'a'), coalesce(null, null, 3), nullif('a', 'a'), greatest(num, num2) from n where id = 1

-- nopg: the test database is "app"
select version() like 'PostgreSQL 15%', current_database(), current_schema(), current_user, session_user, user, current_schema

-- nopg: the test's clock is fixed
select now(), current_timestamp, transaction_timestamp(), localtimestamp, current_date, now() = statement_timestamp()

select length(gen_random_uuid()::text)

select count(*), count(i2), count(distinct b), sum(i2), sum(i8), sum(f8), sum(num), avg(i2), avg(f8), min(s), max(v), bool_and(b), bool_or(b), string_agg(s, ',') from n

select sum(id) filter (where id > 1) from n

select max(count(*)) from n

select nope(1)

select lower(1)

select lower('a', 'b')

select d + 1, d - 1, 1 + d, d - d, d - '2026-01-01' from n where id = 1

select case when id = 1 then 1 else 'x' end from n

select case id when 1 then 'one' when 2 then 'two' end, case when b then 1 else 2.5 end from n order by id

select coalesce(s, 1) from n

select 'a' like 'A%', 'a' ilike 'A%', 'a_c' like 'a\_c', 'abc' like 'a\_c', 'a%' like 'a#%' escape '#', s not ilike '%LL%' from n where id = 1

select 1 between 0 and 2, 5 not between 0 and 2, 3 between symmetric 5 and 1, 'b' between 'a' and 'c'

select id from n where id in (select id from n where b) order by id

select 1 in (1, 2), 3 not in (1, 2), null in (1), 1 in (2, null), 'a' in ('a', 'b')

select exists (select 1 from n where false), (select 1), (select s from n where id = 99)

select (select id from n)

select (select id, s from n)

select id, s, case when s is null then 'none' end as label from n order by label nulls first, id desc

select s from n order by s collate "C"

-- nopg: PostgreSQL has no such collation either (42704)
select s from n order by s collate "en_US"

select 1 collate "C"

select 1 where true and not false or null

select 1 & 3, 1 | 2, 5 # 1, 1 << 4, 256 >> 2, ~1, |/ 16.0, @ -3

select i2 & 1 from n where id = 1

select (1, 'a') < (1, 'b'), (2, 1.5) = (2, 1.50), (1, 2) <> (1, 2), row(1, null) = row(1, 2), (id, s) > (0, 'A') from n order by id

select id from n where (id, i2) in ((1, 2), (2, 3)) and (id, b) not in ((5, true))

select (1, 2) = (1, 2, 3)

select 2147483647 + 1

select i2 * 1000::int2 from n where id = 1

select 9223372036854775807 + i8 from n where id = 1

select -(-2147483648)

select id + 1, i2 + i2, i8 * 2, -id from n order by id
