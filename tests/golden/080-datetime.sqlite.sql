-- pg: CREATE TABLE ev (id int4 PRIMARY KEY, at timestamptz, ts timestamp, d date)
-- pg: INSERT INTO ev VALUES (1, '2026-04-23 10:00:00.123456+00', '2026-01-31 10:00:00', '2026-04-23'), (2, '2026-04-20 23:30:00+00', '2024-02-29 00:00:00', '2026-12-31')
-- sqlite: CREATE TABLE "ev" ("id" int4 NOT NULL, "at" timestamptz TEXT, "ts" timestamp TEXT, "d" date TEXT, CONSTRAINT "ev_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO ev VALUES (1, '2026-04-23 10:00:00.123456', '2026-01-31 10:00:00', '2026-04-23'), (2, '2026-04-20 23:30:00', '2024-02-29 00:00:00', '2026-12-31')

select id, at + interval '1 day', at - interval '2 hours 30 minutes', ts + interval '1 month', ts - interval '1 year', d + interval '36 hours' from ev order by id
=> SELECT "ev"."id" AS "id", lg_ts_add("ev"."at", '1 day', 1) AS "?column?", lg_ts_add("ev"."at", '2 hours 30 minutes', -1) AS "?column?:1", lg_ts_add("ev"."ts", '1 month', 1) AS "?column?:2", lg_ts_add("ev"."ts", '1 year', -1) AS "?column?:3", lg_ts_add("ev"."d", '36 hours', 1) AS "?column?:4" FROM "ev" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, ?column? timestamptz, ?column? timestamptz, ?column? timestamp, ?column? timestamp, ?column? timestamp
   tag: SELECT <n>
   | 1 | 2026-04-24 10:00:00.123456+00 | 2026-04-23 07:30:00.123456+00 | 2026-02-28 10:00:00 | 2025-01-31 10:00:00 | 2026-04-24 12:00:00 |
   | 2 | 2026-04-21 23:30:00+00 | 2026-04-20 21:00:00+00 | 2024-03-29 00:00:00 | 2023-02-28 00:00:00 | 2027-01-01 12:00:00 |

select id from ev where at > '2026-04-23 10:00:00+00'::timestamptz - interval '7 days' order by id
=> SELECT "ev"."id" AS "id" FROM "ev" WHERE ("ev"."at" > lg_ts_add('2026-04-23 10:00:00', '7 days', -1)) ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1
   tag: SELECT <n>
   | 1 |
   | 2 |

select id, at - '2026-04-20 00:00:00+00'::timestamptz, ts - ts, '2026-04-20'::timestamp - ts from ev order by id
=> SELECT "ev"."id" AS "id", lg_ts_diff("ev"."at", '2026-04-20 00:00:00') AS "?column?", lg_ts_diff("ev"."ts", "ev"."ts") AS "?column?:1", lg_ts_diff('2026-04-20 00:00:00', "ev"."ts") AS "?column?:2" FROM "ev" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, ?column? interval, ?column? interval, ?column? interval
   tag: SELECT <n>
   | 1 | 3 days 10:00:00.123456 | 00:00:00 | 78 days 14:00:00 |
   | 2 | 23:30:00 | 00:00:00 | 781 days |

select id, date_trunc('day', at), date_trunc('month', ts), date_trunc('week', ts), date_trunc('hour', at), date_trunc('year', d) from ev order by id
=> SELECT "ev"."id" AS "id", lg_date_trunc('day', "ev"."at") AS "date_trunc", lg_date_trunc('month', "ev"."ts") AS "date_trunc:1", lg_date_trunc('week', "ev"."ts") AS "date_trunc:2", lg_date_trunc('hour', "ev"."at") AS "date_trunc:3", lg_date_trunc('year', lg_cast("ev"."d", 1082, 1184, -1)) AS "date_trunc:4" FROM "ev" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, date_trunc timestamptz, date_trunc timestamp, date_trunc timestamp, date_trunc timestamptz, date_trunc timestamptz
   tag: SELECT <n>
   | 1 | 2026-04-23 00:00:00+00 | 2026-01-01 00:00:00 | 2026-01-26 00:00:00 | 2026-04-23 10:00:00+00 | 2026-01-01 00:00:00+00 |
   | 2 | 2026-04-20 00:00:00+00 | 2024-02-01 00:00:00 | 2024-02-26 00:00:00 | 2026-04-20 23:00:00+00 | 2026-01-01 00:00:00+00 |

select id, extract(year from at), extract(month from ts), extract(day from d), extract(second from at), extract(epoch from at), extract(dow from d), extract(doy from ts), extract(quarter from at), date_part('hour', ts) from ev order by id
=> SELECT "ev"."id" AS "id", lg_extract('year', "ev"."at", 1) AS "extract", lg_extract('month', "ev"."ts", 1) AS "extract:1", lg_extract('day', "ev"."d", 1) AS "extract:2", lg_extract('second', "ev"."at", 1) AS "extract:3", lg_extract('epoch', "ev"."at", 1) AS "extract:4", lg_extract('dow', "ev"."d", 1) AS "extract:5", lg_extract('doy', "ev"."ts", 1) AS "extract:6", lg_extract('quarter', "ev"."at", 1) AS "extract:7", lg_extract('hour', "ev"."ts", 0) AS "date_part" FROM "ev" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, extract numeric, extract numeric, extract numeric, extract numeric, extract numeric, extract numeric, extract numeric, extract numeric, date_part float8
   tag: SELECT <n>
   | 1 | 2026 | 1 | 23 | 0.123456 | 1776938400.123456 | 4 | 31 | 2 | 10 |
   | 2 | 2026 | 2 | 31 | 0.000000 | 1776727800.000000 | 4 | 60 | 2 | 0 |

select interval '1 day' + at from ev where id = 1
=> SELECT lg_ts_add("ev"."at", '1 day', 1) AS "?column?" FROM "ev" WHERE ("ev"."id" = 1)
   columns: ?column? timestamptz
   tag: SELECT <n>
   | 2026-04-24 10:00:00.123456+00 |

