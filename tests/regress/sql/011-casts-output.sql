-- ::casts and CAST between the types; text output formats of every type.
SELECT 1::text, '42'::int, '42'::int2, '42'::int8, ' 42 '::int, '42'::numeric, '42'::real, '42'::float8;
SELECT CAST('7' AS integer), CAST(7 AS text), CAST(7.9 AS int), CAST(-7.5 AS int), CAST(8.5 AS int), CAST('3.14' AS numeric(4,1));
SELECT 3.7::int, 3.2::int, (-3.5)::int, 2.5::int, 3.5::int, 1e3::int, 2.5::float8::int, 3.5::float8::int;
SELECT 'true'::boolean, 'false'::bool, 't'::bool, 'f'::bool, 'yes'::bool, 'no'::bool, 'on'::bool, 'off'::bool, '1'::bool, '0'::bool;
SELECT true::text, false::text, 1::boolean, 0::boolean, true::int, false::int;
SELECT 123::int2, 123::int4, 123::int8, 123::numeric, 123::real, 123::float8, 123::text, 123::varchar(2), 123::char(5);
SELECT 1.5::numeric(10,2), 1.005::numeric(10,2), 1.015::numeric(10,2), 12345678901234567890.123456789::numeric,
    0.000001::numeric, 1e-10::numeric, 100::numeric(5,1), (-0.5)::numeric(3,0), 1.50::numeric;
SELECT 1.5::real, 0.1::real, 1e10::real, 1.0e-7::real, 3.14159265358979::real, 1234567.0::real, 16777217::real;
SELECT 1.5::float8, 0.1::float8, 1e100::float8, 1.0e-7::float8, 3.14159265358979::float8, 1e15::float8, 1e16::float8, 123456789012345678::float8;
SELECT (-0.0)::float8, 100::float8 / 3, 2::float8 / 3, 1::real / 3;
SELECT '2026-04-23'::date, '04/23/2026'::date, 'April 23, 2026'::date, '2026-04-23'::date + 1, '2026-04-23'::date - '2026-01-01'::date;
SELECT '10:00'::time, '10:00:00.123456'::time, '23:59:59.9999999'::time, '10:00:00.5'::time(0), '1:2:3'::time;
SELECT '2026-04-23 10:00:00'::timestamp, '2026-04-23 10:00:00.123'::timestamp, '2026-04-23T10:00:00.1234567'::timestamp,
    '2026-04-23'::timestamp, '2026-04-23 10:00:00.456789'::timestamp(2);
SELECT '2026-04-23 10:00:00.123+00'::timestamptz, '2026-04-23 10:00:00+02'::timestamptz, '2026-04-23T10:00:00Z'::timestamptz,
    '2026-04-23 10:00:00'::timestamptz, '2026-04-23 10:00:00.5-05:30'::timestamptz;
SELECT '2026-04-23 10:00:00+00'::timestamptz::date, '2026-04-23 10:00:00+00'::timestamptz::timestamp,
    '2026-04-23 10:00:00'::timestamp::timestamptz, '2026-04-23'::date::timestamptz, '2026-04-23 10:11:12'::timestamp::time;
SELECT '2026-04-23 10:00:00'::timestamp + interval '1 day', '2026-04-23 10:00:00+00'::timestamptz - interval '2 hours',
    '2026-04-23'::date + interval '1 month';
SELECT 'infinity'::timestamp, '-infinity'::timestamptz, 'infinity'::date, '0001-01-01 00:00:00'::timestamp, '1999-12-31 23:59:59.999999+00'::timestamptz;
SELECT date_trunc('day', '2026-04-23 10:11:12'::timestamp), date_trunc('month', '2026-04-23 10:11:12+00'::timestamptz),
    extract(year FROM '2026-04-23'::date), extract(epoch FROM '2026-04-23 00:00:00+00'::timestamptz), date_part('hour', '2026-04-23 10:11:12'::timestamp);
SELECT to_char('2026-04-23 10:11:12'::timestamp, 'YYYY-MM-DD HH24:MI:SS'), to_timestamp(0), to_date('2026-04-23', 'YYYY-MM-DD');
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid,
    'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text;
SELECT '{"b":1, "a":[1,2,{"c":null}]}'::json, '{"b":1, "a":[1,2,{"c":null}]}'::jsonb, '{"a":1,"a":2}'::json, '{"a":1,"a":2}'::jsonb,
    '  [1, "x", true, null, 1.50]  '::jsonb, '"str"'::jsonb, '12.0'::jsonb, '1e3'::jsonb;
SELECT '{"a":{"b":[10,20]}}'::jsonb -> 'a', '{"a":{"b":[10,20]}}'::jsonb -> 'a' -> 'b' -> 1, '{"a":"x"}'::jsonb ->> 'a',
    '{"a":{"b":1}}'::json #>> '{a,b}', '{"a":1,"b":2}'::jsonb @> '{"a":1}', '{"a":1}'::jsonb ? 'a', '[1,2]'::jsonb -> 5;
SELECT jsonb_build_object('a', 1, 'b', 'x'), json_build_object('a', 1), jsonb_build_array(1, 'a', NULL), to_json('x'::text), to_jsonb(1.50);
SELECT 'abc'::bytea, '\x00ff10'::bytea, 'a\\b'::bytea, ''::bytea, decode('deadbeef', 'hex'), encode('\x414243'::bytea, 'hex'),
    encode('hello'::bytea, 'base64'), length('\x0102'::bytea), 'é'::bytea;
SELECT 'hello'::varchar(3), 'hello'::char(3), 'hi'::char(4), 'hi'::char(4)::text, 'hi'::varchar(10), 'x'::character varying;
SELECT NULL::int, NULL::text IS NULL, NULL::bool, NULL::date;
SELECT '42'::text::int + 1, 42::text || 'x', '1.5'::numeric::float8, 1.5::float8::numeric, '12.345'::float4::numeric;
SELECT 32767::int2::int4 + 1, 2147483647::int8 + 1, 12::int2 * 3::int2, pg_typeof(1::int2 + 1::int2), pg_typeof(1::int2 + 1);
SELECT 'abc'::int;
SELECT ''::int;
SELECT '1.5'::int;
SELECT 'maybe'::boolean;
SELECT '2026-13-01'::date;
SELECT '2026-02-30'::date;
SELECT '25:00'::time;
SELECT 'not a uuid'::uuid;
SELECT '{bad json'::json;
SELECT '{"a":}'::jsonb;
SELECT '\xZZ'::bytea;
SELECT 99999::int2;
SELECT 1e10::int4;
SELECT 'abc'::numeric;
SELECT CAST('x' AS nosuchtype);
