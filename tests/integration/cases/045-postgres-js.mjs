// postgres.js as applications (and Drizzle) use it: tagged templates (always
// Parse+Describe first), describe(), helpers, cursors, pipelining of
// concurrent queries on one connection, begin/savepoint, errors.
export const cleanup = 'drop table if exists pj_items cascade';

async function createItems(t, sql) {
	await t.pj('create', sql.unsafe(`drop table if exists pj_items;
		create table pj_items (id serial primary key, name text not null unique, price numeric(10,2),
		qty int default 0, tags jsonb, made date, at timestamptz, big int8, flag boolean, uid uuid)`), { record: false });
}

export const cases = [
	{
		name: 'tagged templates with parameters',
		async run(t) {
			const sql = t.pgjs();
			await createItems(t, sql);
			await t.pj('insert returning *', sql`insert into pj_items (name, price, qty, tags, made, at, big, flag, uid)
				values (${'apple'}, ${'1.50'}, ${3}, ${sql.json({ a: [1, 2] })}, ${'2026-04-23'}, ${new Date(Date.UTC(2026, 3, 23, 10, 0, 0, 123))},
				${'9007199254740993'}, ${true}, ${'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'}) returning *`);
			await t.pj('insert 2', sql`insert into pj_items (name, price) values (${'pear'}, ${2.25}) returning id, name, price, qty`);
			await t.pj('select where', sql`select id, name from pj_items where price > ${1} and name <> ${'x'} order by id`);
			await t.pj('select limit/offset', sql`select name from pj_items order by id limit ${1} offset ${1}`);
			await t.pj('null parameter', sql`select count(*) from pj_items where tags is not distinct from ${null}`);
			await t.pj('update returning', sql`update pj_items set qty = qty + ${10} where name = ${'apple'} returning name, qty`);
			await t.pj('delete', sql`delete from pj_items where name = ${'nope'}`);
			await t.pj('values()', sql`select id, name from pj_items order by id`.values());
			await t.pj('simple()', sql`select 1 as one; select 2 as two`.simple());
		},
	},
	{
		name: 'describe(): parameter and column types',
		async run(t) {
			const sql = t.pgjs();
			await createItems(t, sql);
			const d = async (label, q) => {
				try {
					const s = await q.describe();
					t.note(label, { types: s.types, columns: s.columns.map((c) => ({ name: c.name, type: c.type, table: t.labels.label(c.table), attnum: c.number })) });
				} catch (e) {
					t.note(label, { error: e.code, message: e.message });
				}
			};
			await d('select with params', sql`select id, name, price, tags, made, at, big, flag, uid from pj_items where id = ${1} and name like ${'a%'} and made > ${'2020-01-01'}`);
			await d('insert', sql`insert into pj_items (name, price, qty, at, uid) values (${'x'}, ${1}, ${2}, ${'2026-01-01'}, ${'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'})`);
			await d('update', sql`update pj_items set price = ${1}, flag = ${true} where big = ${5} returning id`);
			await d('expressions', sql`select ${1}::int8 + 1 as a, count(*) as c, avg(price) as av, sum(qty) as s from pj_items where qty > ${0}`);
			await d('error', sql`select no_such_col from pj_items where id = ${1}`);
		},
	},
	{
		name: 'helpers: sql(object) insert, sql(array) IN list, identifiers',
		async run(t) {
			const sql = t.pgjs();
			await createItems(t, sql);
			await t.pj('insert object', sql`insert into pj_items ${sql({ name: 'a', price: '1.10', qty: 1 })} returning name, price, qty`);
			await t.pj('insert many', sql`insert into pj_items ${sql([{ name: 'b', qty: 2 }, { name: 'c', qty: 3 }], 'name', 'qty')} returning name, qty`);
			await t.pj('IN list', sql`select name from pj_items where name in ${sql(['a', 'c', 'zzz'])} order by name`);
			await t.pj('identifier', sql`select ${sql('name')} from ${sql('pj_items')} order by ${sql('name')} desc`);
			await t.pj('update object', sql`update pj_items set ${sql({ qty: 9, price: null }, 'qty', 'price')} where name = ${'a'} returning name, qty, price`);
		},
	},
	{
		name: 'cursor(n): batches via Execute row limits',
		async run(t) {
			const sql = t.pgjs();
			await createItems(t, sql);
			await sql`insert into pj_items (name, qty) values ('a', 1), ('b', 2), ('c', 3), ('d', 4), ('e', 5)`;
			const batches = [];
			for await (const rows of sql`select name, qty from pj_items where qty > ${0} order by qty`.cursor(2)) {
				batches.push(rows.map((r) => [r.name, r.qty]));
			}
			t.note('batches of 2', batches);
			const first = [];
			for await (const rows of sql`select name from pj_items order by name`.cursor(1)) {
				first.push(rows[0].name);
				if (first.length === 2) break;
			}
			t.note('break early', first);
			await t.pj('connection still fine', sql`select count(*) from pj_items`);
		},
	},
	{
		name: 'concurrent queries are pipelined on one connection',
		async run(t) {
			const sql = t.pgjs({ max: 1 });
			await createItems(t, sql);
			const qs = [
				sql`insert into pj_items (name, qty) values (${'a'}, ${1}) returning id`,
				sql`insert into pj_items (name, qty) values (${'b'}, ${2}) returning id`,
				sql`insert into pj_items (name, qty) values (${'a'}, ${3}) returning id`,
				sql`select count(*) from pj_items`,
				sql`select name, qty from pj_items order by name`,
				sql`select ${5}::int * 2 as ten`,
			];
			const settled = await Promise.allSettled(qs);
			t.note('results in order', settled.map((s) => (s.status === 'fulfilled' ? t.pjResult(s.value) : { error: { code: s.reason.code, message: s.reason.message } })));
		},
	},
	{
		name: 'begin / savepoint / rollback on throw',
		async run(t) {
			const sql = t.pgjs();
			await createItems(t, sql);
			const r1 = await sql.begin(async (tx) => {
				await tx`insert into pj_items (name) values ('kept')`;
				await tx.savepoint(async (sp) => {
					await sp`insert into pj_items (name) values ('sp')`;
				});
				try {
					await tx.savepoint(async (sp) => {
						await sp`insert into pj_items (name) values ('inner')`;
						await sp`insert into pj_items (name) values ('kept')`;
					});
				} catch (e) {
					t.note('savepoint error', { code: e.code, constraint: e.constraint_name });
				}
				return tx`select name from pj_items order by name`;
			});
			t.note('inside begin', r1.map((r) => r.name));
			try {
				await sql.begin(async (tx) => {
					await tx`insert into pj_items (name) values ('gone')`;
					throw new Error('app error');
				});
			} catch (e) {
				t.note('begin rejected', e.message);
			}
			try {
				await sql.begin(async (tx) => {
					await tx`insert into pj_items (name) values ('gone2')`;
					await tx`select 1/0`;
				});
			} catch (e) {
				t.note('begin rejected by server', { code: e.code, message: e.message });
			}
			await t.pj('after', sql`select name from pj_items order by name`);
			await t.pj('read only', sql.begin('read only', (tx) => tx`insert into pj_items (name) values ('ro')`));
			await t.pj('isolation', sql.begin('isolation level serializable', (tx) => tx`show transaction_isolation`));
		},
	},
	{
		name: 'errors carry all fields; connection recovers',
		async run(t) {
			const sql = t.pgjs();
			await createItems(t, sql);
			await sql`insert into pj_items (name) values ('a')`;
			await t.pj('23502 (before any other failed insert: the serial id in the detail)', sql`insert into pj_items (name) values (${null})`);
			await t.pj('23505', sql`insert into pj_items (name) values (${'a'})`);
			await t.pj('42P01', sql`select * from pj_nope`);
			await t.pj('42703', sql`select no_such_col from pj_items`);
			await t.pj('42601', sql.unsafe('select * fromm pj_items'));
			await t.pj('22P02', sql`select ${'abc'}::int`);
			await t.pj('22012', sql`select 1 / (qty - qty) from pj_items`);
			await t.pj('recovered', sql`select name from pj_items`);
		},
	},
	{
		name: 'unsafe() with parameters and prepare: false',
		async run(t) {
			const sql = t.pgjs({ prepare: false });
			await createItems(t, sql);
			await t.pj('unsafe insert', sql.unsafe('insert into pj_items (name, qty) values ($1, $2) returning name, qty', ['u', 7]));
			await t.pj('unsafe select', sql.unsafe('select name from pj_items where qty = $1', [7]));
			await t.pj('tagged, unnamed statements', sql`select ${1}::int + ${2}::int as three`);
		},
	},
	{
		name: 'default options: fetch_types introspects pg_catalog at connect',
		async run(t) {
			const sql = t.pgjs({ fetch_types: true });
			await t.pj('first query', sql`select 1 as one`);
			await t.pj('int4 array parameter', sql`select ${sql.array([1, 2, 3])}::int[] as arr`);
		},
	},
];
