// Result column types (RowDescription OIDs, typmods) of expressions,
// aggregates, functions, joins and set operations, with their text values —
// what psql output cannot show.
export const cleanup = 'drop table if exists rt_t, rt_u cascade';

const SETUP = `drop table if exists rt_t, rt_u;
	create table rt_t (id serial primary key, i2 int2, i4 int4, i8 int8, r real, d double precision,
		n numeric(10,2), nn numeric, t text, v varchar(20), c char(4), b boolean, dt date, tm time,
		ts timestamp(3), tz timestamptz, u uuid, j json, jb jsonb, by bytea);
	insert into rt_t (i2, i4, i8, r, d, n, nn, t, v, c, b, dt, tm, ts, tz, u, j, jb, by) values
		(1, 10, 100, 1.5, 2.5, 3.25, 1.1, 'a', 'x', 'ab', true, '2026-04-23', '10:00', '2026-04-23 10:00:00.1234',
		 '2026-04-23 10:00:00+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k":1}', '{"k":1}', '\\x01'),
		(2, 20, 200, 2.5, 3.5, 4.75, 2.2, 'b', 'y', 'cd', false, '2026-04-24', '11:00', '2026-04-24 10:00:00',
		 '2026-04-24 10:00:00+00', null, '[1]', '[1]', '\\x02'),
		(3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	create table rt_u (id int primary key, t_id int references rt_t(id), label text);
	insert into rt_u values (1, 1, 'one'), (2, 1, 'uno'), (3, null, 'none')`;

function group(name, queries) {
	return {
		name,
		async run(t) {
			const c = await t.pg();
			const r = await t.q(c, SETUP, undefined, { record: false });
			if (r.error) throw new Error('setup: ' + JSON.stringify(r.error));
			for (const q of queries) await t.q(c, q);
		},
	};
}

export const cases = [
	group('aggregates', [
		'select count(*), count(i4), count(distinct b) from rt_t',
		'select sum(i2), sum(i4), sum(i8), sum(r), sum(d), sum(n), sum(nn) from rt_t',
		'select avg(i2), avg(i4), avg(i8), avg(r), avg(d), avg(n), avg(nn) from rt_t',
		'select min(i2), max(i4), min(i8), max(r), min(d), max(n), min(t), max(v), min(c), max(dt), min(tm), max(ts), min(tz) from rt_t',
		'select bool_and(b), bool_or(b), every(b) from rt_t',
		"select string_agg(t, ',' order by id), string_agg(v, '|') from rt_t",
		'select count(*) from rt_t where false',
		'select sum(i4), avg(i4), max(t) from rt_t where false',
		'select b, count(*), sum(i4) from rt_t group by b order by b nulls first',
		'select b, count(*) from rt_t group by b having count(*) > 0 order by 2, 1',
	]),
	group('arithmetic and comparison result types', [
		'select i2 + i2, i2 + i4, i4 + i8, i4 * 2, i8 / 3, i4 % 3, -i4 from rt_t where id = 1',
		'select r + 1, d * 2, r + d, n + 1, n * 2.5, nn / 3, i4 + 0.5, i4 / 4.0, n + r from rt_t where id = 1',
		'select i4 = 10, t < v, b and true, not b, i4 is null, t like \'a%\', i4 between 1 and 20, i4 in (1, 10) from rt_t where id = 1',
		"select t || 'x', t || 1, v || c, c || c, 'lit', 1, 1.5, 1e3, 9999999999, true, null from rt_t where id = 1",
		'select dt + 1, dt - 1, dt - dt, ts + interval \'1 hour\', tz - interval \'1 day\', dt + tm from rt_t where id = 1',
		"select case when b then 'yes' else 'no' end, case when b then 1 else 2.5 end, coalesce(i4, 0), coalesce(t, v), nullif(i4, 10), greatest(i2, i4), least(r, d) from rt_t order by id",
	]),
	group('casts', [
		"select i4::text, t::varchar(1), i4::int8, i8::int2, n::int, d::numeric, n::float8, r::float8, i4::numeric(5,1), '1'::int2 from rt_t where id = 1",
		"select dt::timestamp, dt::timestamptz, ts::date, tz::date, ts::timestamptz, tz::timestamp, ts::time, tz::text, u::text, j::jsonb, jb::json, jb::text from rt_t where id = 1",
		"select cast(i4 as text), cast('5' as integer), cast(n as text), cast(b as text), cast(by as text), '42'::numeric(4,1), '42'::char(3), '42'::varchar(1) from rt_t where id = 1",
		"select '2026-04-23 10:00:00+02'::timestamptz, '2026-04-23 10:00:00.1'::timestamp(0), 1.23456::numeric(4,2), 'x'::name",
	]),
	group('functions', [
		"select length(t), upper(t), lower(v), substring(t from 1 for 1), trim(c), replace(t, 'a', 'b'), concat(t, i4), left(v, 1), position('x' in v) from rt_t where id = 1",
		'select abs(i4), abs(d), abs(n), round(d), round(n, 1), round(nn), ceil(n), floor(d), trunc(n), sqrt(d), power(i4, 2), mod(i4, 3), sign(n) from rt_t where id = 1',
		'select now() = current_timestamp, current_date = now()::date, pg_typeof(now()), pg_typeof(current_date), pg_typeof(localtimestamp)',
		'select current_database(), current_schema(), current_user, session_user, current_setting(\'TimeZone\')',
		"select gen_random_uuid() is not null, pg_typeof(gen_random_uuid()), md5('x'), length(md5('x'))",
		"select jb -> 'k', jb ->> 'k', j -> 'k', j ->> 'k', jsonb_build_object('a', i4), json_build_object('a', i4), to_jsonb(t), jb @> '{\"k\":1}' from rt_t where id = 1",
		"select extract(year from dt), extract(epoch from tz), date_part('day', ts), date_trunc('hour', ts), date_trunc('day', tz) from rt_t where id = 1",
	]),
	group('joins, subqueries and set operations', [
		'select t.id, u.label from rt_t t join rt_u u on u.t_id = t.id order by u.id',
		'select t.id, u.label from rt_t t left join rt_u u on u.t_id = t.id order by t.id, u.id',
		'select t.id, u.label from rt_t t right join rt_u u on u.t_id = t.id order by u.id',
		'select t.id, u.id from rt_t t full join rt_u u on u.t_id = t.id order by t.id nulls last, u.id nulls last',
		'select count(*) from rt_t cross join rt_u',
		'select id, (select count(*) from rt_u where t_id = rt_t.id) as n, exists (select 1 from rt_u where t_id = rt_t.id) as e from rt_t order by id',
		'select id from rt_t where id in (select t_id from rt_u) order by id',
		'select id from rt_t union select id from rt_u order by 1',
		'select i4 from rt_t union all select i8 from rt_t order by 1 nulls first',
		'select n from rt_t union select 1.5 order by 1',
		'select id from rt_t intersect select t_id from rt_u order by 1',
		'select id from rt_t except select t_id from rt_u order by 1',
		'select x.a from (select i4 * 2 as a from rt_t) x order by 1',
		'with w as (select id, t from rt_t where id < 3) select * from w order by id',
		'select distinct b from rt_t order by b',
		'select id from rt_t order by i4 desc nulls last, id limit 2 offset 0',
	]),
	group('DML RETURNING types', [
		"insert into rt_t (i4, t, n, tz) values (5, 'e', 1, '2026-01-01') returning id, i4, t, n, tz, n * 2 as n2, i4::text as s, now() is not null as has_now",
		"update rt_t set n = n + 1, t = upper(t) where i4 = 5 returning *",
		'delete from rt_t where i4 = 5 returning id, t, n',
		"insert into rt_u values (10, null, 'x') on conflict (id) do update set label = excluded.label returning *",
		"insert into rt_u values (10, null, 'y') on conflict (id) do update set label = excluded.label || rt_u.label returning label",
	]),
	{
		// Values that differ per run, each masked by an explicit rule that
		// still checks its shape; the column types are compared as usual.
		name: 'volatile values: now(), version(), pids, random uuids',
		async run(t) {
			const c = await t.pg();
			const r1 = await t.q(c, 'select now() as now, current_timestamp as ts, statement_timestamp() as st, transaction_timestamp() as tt');
			for (const i of [0, 1, 2, 3]) t.mask(r1, `rows.0.${i}`, 'now');
			const r2 = await t.q(c, 'select version() as v, current_setting(\'server_version\') as sv, pg_backend_pid() as pid');
			t.mask(r2, 'rows.0.0', 'pg15VersionString');
			t.mask(r2, 'rows.0.1', 'pg15Version');
			t.mask(r2, 'rows.0.2', 'int32');
			const r3 = await t.q(c, 'select gen_random_uuid() as u, gen_random_uuid() = gen_random_uuid() as same');
			t.mask(r3, 'rows.0.0', 'uuidv4');
			const r4 = await t.q(c, { text: 'select now() as now, localtimestamp as lt, current_date as d', types: 'default' });
			t.mask(r4, 'rows.0.0', 'jsNow');
			t.mask(r4, 'rows.0.1', 'jsNow');
			t.mask(r4, 'rows.0.2', (v) => (v && /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/.test(v.date) ? '<today as a Date at midnight UTC>' : undefined));
		},
	},
];
