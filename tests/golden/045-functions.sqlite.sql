-- Functions and operators of the function library (rewrite/func_tab.c,
-- op_json.c; catalog/functions_*.c, regex.c), results checked against
-- PostgreSQL 15 with pgcheck.py.

select length('héllo'), octet_length('héllo'), bit_length('abc'), initcap('hello wORLD foo-bar'), lpad('7', 3, '0'), rpad('ab', 5, '*'), lpad('abcdef', 3)
=> SELECT length('héllo') AS "length", length(CAST('héllo' AS BLOB)) AS "octet_length", (length(CAST('abc' AS BLOB)) * 8) AS "bit_length", lg_initcap('hello wORLD foo-bar') AS "initcap", lg_lpad('7', 3, '0') AS "lpad", lg_rpad('ab', 5, '*') AS "rpad", lg_lpad('abcdef', 3) AS "lpad:1"
   columns: length int4, octet_length int4, bit_length int4, initcap text, lpad text, rpad text, lpad text
   tag: SELECT <n>
   | 5 | 6 | 24 | Hello World Foo-Bar | 007 | ab*** | abc |

select split_part('a,b,c', ',', 2), split_part('a,b,c', ',', -1), translate('12345', '143', 'ax'), starts_with('hello', 'he'), ascii('é'), chr(233), md5('abc')
=> SELECT lg_split_part('a,b,c', ',', 2) AS "split_part", lg_split_part('a,b,c', ',', -1) AS "split_part:1", lg_translate('12345', '143', 'ax') AS "translate", lg_starts_with('hello', 'he') AS "starts_with", lg_ascii('é') AS "ascii", lg_chr(233) AS "chr", lg_md5('abc') AS "md5"
   columns: split_part text, split_part text, translate text, starts_with bool, ascii int4, chr text, md5 text
   tag: SELECT <n>
   | b | c | a2x5 | t | 233 | é | 900150983cd24fb0d6963f7d28e17f72 |

select split_part('a,b', ',', 0)
=> SELECT lg_split_part('a,b', ',', 0) AS "split_part"
   columns: split_part text
   tag: SELECT <n>
   !! SQLSTATE 22023: field position must not be zero

select chr(0)
=> SELECT lg_chr(0) AS "chr"
   columns: chr text
   tag: SELECT <n>
   !! SQLSTATE 54000: null character not permitted

select format('%s-%s', 'a', 1), format('%I.%L', 'My Table', 'it''s'), format('%2$s %1$s [%-4s]', 'a', 'b'), quote_ident('select'), quote_literal(42), quote_nullable(null)
=> SELECT lg_format('%s-%s', 'a', CAST(1 AS TEXT)) AS "format", lg_format('%I.%L', 'My Table', 'it''s') AS "format:1", lg_format('%2$s %1$s [%-4s]', 'a', 'b') AS "format:2", lg_quote_ident('select') AS "quote_ident", lg_quote_literal(lg_cast(42, 23, 25, -1)) AS "quote_literal", lg_quote_nullable(NULL) AS "quote_nullable"
   columns: format text, format text, format text, quote_ident text, quote_literal text, quote_nullable text
   tag: SELECT <n>
   | a-1 | "My Table".'it''s' | b a [b   ] | "select" | '42' | NULL |

select to_hex(255), to_hex(-1), encode('hello'::bytea, 'base64'), decode('deadbeef', 'hex'), encode('a\\b'::bytea, 'escape')
=> SELECT lg_to_hex(255, 4) AS "to_hex", lg_to_hex(-1, 4) AS "to_hex:1", lg_encode(X'68656c6c6f', 'base64') AS "encode", lg_decode('deadbeef', 'hex') AS "decode", lg_encode(X'615c62', 'escape') AS "encode:1"
   columns: to_hex text, to_hex text, encode text, decode bytea, encode text
   tag: SELECT <n>
   | ff | ffffffff | aGVsbG8= | \xdeadbeef | a\\b |

select sqrt(2::numeric), power(2.0, 0.5), log(2, 8), ln(10.0), exp(1.0), div(-17.5, 5), factorial(20), width_bucket(5.35, 0.024, 10.06, 5)
=> SELECT lg_num_sqrt('2') AS "sqrt", lg_num_pow('2.0', '0.5') AS "power", lg_num_log('2', '8') AS "log", lg_num_ln('10.0') AS "ln", lg_num_exp('1.0') AS "exp", lg_num_idiv('-17.5', '5') AS "div", lg_num_factorial(20) AS "factorial", lg_num_width_bucket('5.35', '0.024', '10.06', 5) AS "width_bucket"
   columns: sqrt numeric, power numeric, log numeric, ln numeric, exp numeric, div numeric, factorial numeric, width_bucket int4
   tag: SELECT <n>
   | 1.414213562373095 | 1.4142135623730950 | 3.0000000000000000 | 2.3025850929940457 | 2.7182818284590452 | -3 | 2432902008176640000 | 3 |

select cbrt(27::float8), degrees(pi()), atan2(1, 1), gcd(12, 18), lcm(4, 6), abs(-5::int2), log10(1000)
=> SELECT lg_math('cbrt', 27.0) AS "cbrt", lg_math('degrees', pi()) AS "degrees", lg_atan2(CAST(1 AS REAL), CAST(1 AS REAL)) AS "atan2", lg_gcd(12, 18, 4, 0) AS "gcd", lg_gcd(4, 6, 4, 1) AS "lcm", lg_int_abs(lg_int_check(-(lg_cast(5, 23, 21, -1)), 16), 2) AS "abs", lg_math('log10', CAST(1000 AS REAL)) AS "log10"
   columns: cbrt float8, degrees float8, atan2 float8, gcd int4, lcm int4, abs int2, log10 float8
   tag: SELECT <n>
   | 3.0000000000000004 | 180 | 0.7853981633974483 | 6 | 12 | 5 | 3 |

select ln(0)
=> SELECT lg_ln(CAST(0 AS REAL)) AS "ln"
   columns: ln float8
   tag: SELECT <n>
   !! SQLSTATE 2201E: cannot take logarithm of zero

select sqrt(-1)
=> SELECT lg_sqrt(CAST(-1 AS REAL)) AS "sqrt"
   columns: sqrt float8
   tag: SELECT <n>
   !! SQLSTATE 2201F: cannot take square root of a negative number

select abs(-2147483648::int4)
=> SELECT lg_int_abs(lg_int_check(-(lg_cast(2147483648, 20, 23, -1)), 32), 4) AS "abs"
   columns: abs int4
   tag: SELECT <n>
   !! SQLSTATE 22003: integer out of range

select pg_typeof(1), pg_typeof('a'), pg_typeof(null), pg_typeof(1.5::float4 * 2), pg_typeof('x'::varchar(3))
=> SELECT iif(typeof(1) IS NULL, NULL, 'integer') AS "pg_typeof", iif(typeof('a') IS NULL, NULL, 'unknown') AS "pg_typeof:1", iif(typeof(NULL) IS NULL, NULL, 'unknown') AS "pg_typeof:2", iif(typeof(1.5 * 2) IS NULL, NULL, 'double precision') AS "pg_typeof:3", iif(typeof(lg_cast(substr('x', 1, 3), 1043, 1043, 7)) IS NULL, NULL, 'character varying') AS "pg_typeof:4"
   columns: pg_typeof regtype, pg_typeof regtype, pg_typeof regtype, pg_typeof regtype, pg_typeof regtype
   tag: SELECT <n>
   | integer | unknown | unknown | double precision | character varying |

select '{"a":{"b":[10,20]}}'::jsonb -> 'a', '{"a":{"b":[10,20]}}'::jsonb -> 'a' -> 'b' -> 1, '{"a":"x"}'::jsonb ->> 'a', '{"a":{"b":1}}'::json #>> '{a,b}', '{"a": [1,  2]}'::json -> 'a', '[1,2]'::json -> -1
=> SELECT lg_json_get('{"a": {"b": [10, 20]}}', 'a', 2) AS "?column?", lg_json_get(lg_json_get(lg_json_get('{"a": {"b": [10, 20]}}', 'a', 2), 'b', 2), 1, 2) AS "?column?:1", lg_json_get('{"a": "x"}', 'a', 3) AS "?column?:2", lg_json_path('{"a":{"b":1}}', lg_array_json('{a,b}', 25), 1) AS "?column?:3", lg_json_get('{"a": [1,  2]}', 'a', 0) AS "?column?:4", lg_json_get('[1,2]', -1, 0) AS "?column?:5"
   columns: ?column? jsonb, ?column? jsonb, ?column? text, ?column? text, ?column? json, ?column? json
   tag: SELECT <n>
   | {"b": [10, 20]} | 20 | x | 1 | [1,  2] | 2 |

select '{"a":1,"b":2}'::jsonb @> '{"a":1}', '[[1,2]]'::jsonb @> '[1]', '{"a":1}'::jsonb ? 'a', '{"a":1}'::jsonb ?| '{b,a}', '{"a":1}'::jsonb ?& '{b,a}', '{"a":1}'::jsonb <@ '{"a":1,"b":2}'
=> SELECT lg_jsonb_contains('{"a": 1, "b": 2}', '{"a": 1}') AS "?column?", lg_jsonb_contains('[[1, 2]]', '[1]') AS "?column?:1", lg_jsonb_exists('{"a": 1}', 'a', 0) AS "?column?:2", lg_jsonb_exists('{"a": 1}', lg_array_json('{b,a}', 25), 1) AS "?column?:3", lg_jsonb_exists('{"a": 1}', lg_array_json('{b,a}', 25), 2) AS "?column?:4", lg_jsonb_contains('{"a": 1, "b": 2}', '{"a": 1}') AS "?column?:5"
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool, ?column? bool
   tag: SELECT <n>
   | t | f | t | t | f | t |

select jsonb_build_object('b', 1, 'a', 2, 'b', 3), json_build_object('a', 1, 'b', 'x'), jsonb_build_array(1, 'a', null), to_json('2026-04-23 10:00:00+00'::timestamptz), to_jsonb(1.50)
=> SELECT lg_json_build(3, 'b', 25, 1, 23, 'a', 25, 2, 23, 'b', 25, 3, 23) AS "jsonb_build_object", lg_json_build(1, 'a', 25, 1, 23, 'b', 25, 'x', 25) AS "json_build_object", lg_json_build(2, 1, 23, 'a', 25, NULL, 25) AS "jsonb_build_array", lg_to_json(0, '2026-04-23 10:00:00', 1184) AS "to_json", lg_to_json(2, '1.50', 1700) AS "to_jsonb"
   columns: jsonb_build_object jsonb, json_build_object json, jsonb_build_array jsonb, to_json json, to_jsonb jsonb
   tag: SELECT <n>
   | {"a": 2, "b": 3} | {"a" : 1, "b" : "x"} | [1, "a", null] | "2026-04-23T10:00:00+00:00" | 1.50 |

select json_build_object('a')
=> ERROR 22023 argument list must have even number of elements
   hint: The arguments of json_build_object() must consist of alternating keys and values.

select 'abc' ~ 'b', 'abc' ~* 'B', 'abc' !~ 'z', 'é' ~ '^.$', regexp_replace('abc123def', '[0-9]+', '#'), regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1'), regexp_replace('abc', 'x*', '-', 'g')
=> SELECT lg_regex_match('abc', 'b', '') AS "?column?", lg_regex_match('abc', 'B', 'i') AS "?column?:1", NOT lg_regex_match('abc', 'z', '') AS "?column?:2", lg_regex_match('é', '^.$', '') AS "?column?:3", lg_regexp_replace('abc123def', '[0-9]+', '#') AS "regexp_replace", lg_regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1') AS "regexp_replace:1", lg_regexp_replace('abc', 'x*', '-', 'g') AS "regexp_replace:2"
   columns: ?column? bool, ?column? bool, ?column? bool, ?column? bool, regexp_replace text, regexp_replace text, regexp_replace text
   tag: SELECT <n>
   | t | t | t | t | abc#def | World Hello | -a-b-c- |

-- nopg: non-greedy quantifiers have no POSIX equivalent (0A000)
select 'a' ~ 'a*?'
=> SELECT lg_regex_match('a', 'a*?', '') AS "?column?"
   columns: ?column? bool
   tag: SELECT <n>
   !! SQLSTATE 0A000: feature not supported: non-greedy quantifiers in regular expressions

select 'a' ~ '('
=> SELECT lg_regex_match('a', '(', '') AS "?column?"
   columns: ?column? bool
   tag: SELECT <n>
   !! SQLSTATE 2201B: invalid regular expression: parentheses () not balanced

select 'Hello' ~~* 'h%', 'ab'::char(3) = 'ab', octet_length('ab'::char(3)), '2026-04-23'::date + '10:00'::time
=> SELECT lower('Hello') LIKE lower('h%') ESCAPE '\' AS "?column?", rtrim(lg_cast(substr('ab', 1, 3), 1042, 1042, 7), ' ') = rtrim('ab', ' ') AS "?column?:1", length(CAST(lg_cast(substr('ab', 1, 3), 1042, 1042, 7) AS BLOB)) AS "octet_length", lg_ts_add('2026-04-23', lg_cast('10:00:00', 1083, 1186, -1), 1) AS "?column?:2"
   columns: ?column? bool, ?column? bool, octet_length int4, ?column? timestamp
   tag: SELECT <n>
   | t | t | 3 | 2026-04-23 10:00:00 |

select to_char('2026-04-03 09:05:07.5'::timestamp, 'FMDay, FMDD Month YYYY HH12:MI:SS.MS AM DDth IW'), to_date('23 Apr 2026', 'DD Mon YYYY'), to_timestamp('20260423101112', 'YYYYMMDDHH24MISS')
=> SELECT lg_to_char_ts('2026-04-03 09:05:07.5', 'FMDay, FMDD Month YYYY HH12:MI:SS.MS AM DDth IW', 0) AS "to_char", lg_to_date('23 Apr 2026', 'DD Mon YYYY') AS "to_date", lg_to_timestamp_fmt('20260423101112', 'YYYYMMDDHH24MISS') AS "to_timestamp"
   columns: to_char text, to_date date, to_timestamp timestamptz
   tag: SELECT <n>
   | Friday, 3 April     2026 09:05:07.500 AM 03rd 14 | 2026-04-23 | 2026-04-23 10:11:12+00 |

select 'hello'::varchar(3), 'hello'::char(3), 123::varchar(2), '{1,2,3}'::text[]::int[]
=> SELECT lg_cast(substr('hello', 1, 3), 1043, 1043, 7) AS "varchar", lg_cast(substr('hello', 1, 3), 1042, 1042, 7) AS "bpchar", lg_cast(substr(lg_cast(123, 23, 1043, -1), 1, 2), 1043, 1043, 6) AS "varchar:1", lg_cast('{1,2,3}', 1009, 1007, -1) AS "int4"
   columns: varchar varchar(7), bpchar bpchar(7), varchar varchar(6), int4 _int4
   tag: SELECT <n>
   | hel | hel | 12 | {1,2,3} |

-- nopg: element casts other than the text round trip are not done (0A000)
select '{1.5}'::float8[]::int[]
=> ERROR 0A000 feature not supported: cast from double precision[] to integer[] (position 25)

select string_agg(x, ',' order by x desc), string_agg(distinct x, '|' order by x) from (values ('b'), ('a'), ('b')) v(x)
=> SELECT lg_string_agg_ord(0, "v"."column1", ',', 3, "v"."column1") AS "string_agg", lg_string_agg_ord(1, "v"."column1", '|', 0, "v"."column1") AS "string_agg:1" FROM (VALUES ('b'), ('a'), ('b')) AS "v"
   columns: string_agg text, string_agg text
   tag: SELECT <n>
   | b,b,a | a|b |

select 1 limit -1
=> SELECT 1 AS "?column?" LIMIT lg_limit(-1, 0)
   columns: ?column? int4
   tag: SELECT <n>
   !! SQLSTATE 2201W: LIMIT must not be negative

select 1 union select 'a'::text
=> ERROR 42804 UNION types integer and text cannot be matched (position 23)

