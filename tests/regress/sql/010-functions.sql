-- String and math functions, operators, NULL handling.
SELECT length('héllo'), char_length('héllo'), octet_length('héllo'), bit_length('abc');
SELECT upper('abcÉ'), lower('ABC'), initcap('hello wORLD foo-bar');
SELECT 'a' || 'b' || 'c' AS cat, 'a' || NULL AS cat_null, 'n=' || 42 AS cat_int, concat('a', NULL, 'b', 1, true) AS concat,
    concat_ws('-', 'a', NULL, 'b') AS concat_ws;
SELECT substring('PostgreSQL' FROM 1 FOR 4), substring('PostgreSQL', 5), substr('PostgreSQL', 2, 3), substr('abc', 0, 2), substr('abc', 5);
SELECT left('abcdef', 2), right('abcdef', 2), left('abcdef', -2), right('abcdef', -2);
SELECT position('gre' IN 'PostgreSQL'), strpos('PostgreSQL', 'SQL'), strpos('abc', 'z');
SELECT trim('  x  ') AS t, ltrim('  x  ') AS l, rtrim('  x  ') AS r, trim(BOTH 'x' FROM 'xxaxx') AS b,
    trim(LEADING 'x' FROM 'xxaxx') AS lead, btrim('xyaxy', 'xy') AS bt;
SELECT replace('banana', 'an', 'AN'), reverse('abc'), repeat('ab', 3), repeat('x', 0);
SELECT lpad('7', 3, '0'), rpad('ab', 5, '*'), lpad('abcdef', 3), lpad('x', 4);
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5), split_part('a,b,c', ',', -1);
SELECT starts_with('hello', 'he'), 'hello' LIKE 'h%', 'Hello' ILIKE 'h%', 'abc' ~ 'b', 'abc' ~* 'B', 'abc' !~ 'z';
SELECT md5('abc'), md5('');
SELECT ascii('A'), chr(65), chr(233);
SELECT format('%s-%s', 'a', 1), format('%I.%L', 'My Table', 'it''s'), format('%%');
SELECT quote_ident('a b'), quote_ident('abc'), quote_literal('it''s'), quote_literal(42), quote_nullable(NULL);
SELECT to_hex(255), to_hex(-1), to_hex(9223372036854775807);
SELECT translate('12345', '143', 'ax');
SELECT regexp_replace('abc123def', '[0-9]+', '#'), regexp_replace('aaa', 'a', 'b', 'g');
SELECT 'abc' < 'abd', 'B' < 'a', 'abc' = 'abc ', 'abc'::char(5) = 'abc', 'Z' > 'A';
SELECT COALESCE(NULL, NULL, 'third'), COALESCE(1, 2), NULLIF('a', 'a'), NULLIF('a', 'b');
SELECT GREATEST(1, 5, 3), LEAST(1, 5, 3), GREATEST('apple', 'pear'), GREATEST(1, NULL, 2), LEAST(NULL::int, NULL);
-- math
SELECT 7 + 3, 7 - 3, 7 * 3, 7 / 3, 7 % 3, -7 / 2, -7 % 3, 7.0 / 2, 2 ^ 10, |/ 16.0, @ -5;
SELECT 7 / 2.0 AS num_div, 1 / 3.0 AS third, 10::numeric / 4 AS ten_quarter, 1.0 / 7 AS seventh;
SELECT abs(-5), abs(-5.5), abs(-5.5::float8), ceil(4.2), ceiling(-4.2), floor(4.8), floor(-4.2);
SELECT round(4.5), round(5.5), round(-4.5), round(2.345, 2), round(2.5::float8), round(3.5::float8), round(-2.5::float8);
SELECT round(1234.5678, -2), trunc(4.99), trunc(-4.99), trunc(1.2345, 2);
SELECT sqrt(16), sqrt(2), cbrt(27::float8), power(2, 10), power(2.0, 0.5), pow(3, 2);
SELECT exp(1), ln(10), log(100), log(2, 8), log10(1000);
SELECT mod(17, 5), mod(-17, 5), mod(17.5, 5), div(17, 5), sign(-3), sign(0.0), sign(2.5);
SELECT pi(), degrees(pi()), radians(180), sin(0), cos(0), tan(0), atan2(1, 1);
SELECT gcd(12, 18), lcm(4, 6), factorial(10);
SELECT width_bucket(5.35, 0.024, 10.06, 5);
SELECT 9223372036854775807::int8 - 1, (-2147483648)::int4, 32767::int2, (-9223372036854775808)::int8;
SELECT 2147483647 + 1;
SELECT 9223372036854775807 + 1;
SELECT 32767::int2 + 1::int2;
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 1 % 0;
SELECT 1::float8 / 0;
SELECT sqrt(-1);
SELECT ln(0);
SELECT 0.1::float8 + 0.2::float8, 0.1 + 0.2, 1e300::float8 * 10, 3.0::float4 / 7, 1::float8 / 3;
SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float8, 'NaN'::numeric, 'NaN'::float8 = 'NaN'::float8;
SELECT 12345678901234567890.123456789 + 1, 0.1::numeric * 3, 1.10 * 2, 100 * 1.5, 2.50 + 2.50;
SELECT random() >= 0 AND random() < 1 AS in_range, pg_typeof(random());
SELECT gen_random_uuid() IS NOT NULL AS has_uuid, length(gen_random_uuid()::text) AS uuid_len, pg_typeof(gen_random_uuid());
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'), pg_typeof(1::int8 + 1), pg_typeof(1 + 1.5), pg_typeof(1::float4 * 2),
    pg_typeof(2 ^ 2), pg_typeof(7 / 2), pg_typeof(true), pg_typeof(NULL), pg_typeof('a'::text || 1);
