-- pg: CREATE TABLE ev (id int4 PRIMARY KEY, at timestamptz, ts timestamp, d date)
-- pg: INSERT INTO ev VALUES (1, '2026-04-23 10:00:00.123456+00', '2026-01-31 10:00:00', '2026-04-23'), (2, '2026-04-20 23:30:00+00', '2024-02-29 00:00:00', '2026-12-31')
-- sqlite: CREATE TABLE "ev" ("id" int4 NOT NULL, "at" timestamptz TEXT, "ts" timestamp TEXT, "d" date TEXT, CONSTRAINT "ev_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO ev VALUES (1, '2026-04-23 10:00:00.123456', '2026-01-31 10:00:00', '2026-04-23'), (2, '2026-04-20 23:30:00', '2024-02-29 00:00:00', '2026-12-31')

select id, at + interval '1 day', at - interval '2 hours 30 minutes', ts + interval '1 month', ts - interval '1 year', d + interval '36 hours' from ev order by id

select id from ev where at > '2026-04-23 10:00:00+00'::timestamptz - interval '7 days' order by id

select id, at - '2026-04-20 00:00:00+00'::timestamptz, ts - ts, '2026-04-20'::timestamp - ts from ev order by id

select id, date_trunc('day', at), date_trunc('month', ts), date_trunc('week', ts), date_trunc('hour', at), date_trunc('year', d) from ev order by id

select id, extract(year from at), extract(month from ts), extract(day from d), extract(second from at), extract(epoch from at), extract(dow from d), extract(doy from ts), extract(quarter from at), date_part('hour', ts) from ev order by id

select interval '1 day' + at from ev where id = 1
