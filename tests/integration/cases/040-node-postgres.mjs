// node-postgres (pg) as applications use it: parameters, named prepared
// statements, binary mode, Buffer parameters, default type parsing, pg-cursor,
// queries issued without awaiting (pipelined on one connection).
export const cleanup = 'drop table if exists np_users, np_rows cascade';

const CREATE = `
	drop table if exists np_users;
	create table np_users (id serial primary key, email varchar(100) not null unique, name text,
		age int2, balance numeric(12,2) default 0, big int8, ratio float8, active boolean default true,
		born date, created timestamptz default '2026-04-23 10:00:00+00', seen timestamp, uid uuid,
		meta jsonb, doc json, avatar bytea)`;

export const cases = [
	{
		name: 'parameterized queries with JS values',
		async run(t) {
			const c = await t.pg();
			await t.q(c, CREATE);
			await t.q(c, 'insert into np_users (email, name, age, balance, big, ratio, active, born, seen, uid, meta, doc, avatar) ' +
				'values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning *', [
				'a@b.c', 'Ann', 42, '1234.50', '9007199254740993', 0.1, false, '2000-02-29',
				'2026-04-23 10:00:00.123456', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', { k: [1, 'x', null] },
				JSON.stringify({ z: 1, a: 2 }), Buffer.from('hi'),
			]);
			await t.q(c, 'insert into np_users (email, name) values ($1, $2) returning id, email, name, balance, active, created',
				['b@b.c', null]);
			await t.q(c, 'select id, email from np_users where id = $1 or email = $2 order by id', [2, 'a@b.c']);
			await t.q(c, 'select id from np_users where active = $1', [true]);
			await t.q(c, 'select id from np_users where born = $1', [new Date(Date.UTC(2000, 1, 29))]);
			await t.q(c, 'select $1::timestamptz as ts', [new Date(Date.UTC(2026, 3, 23, 10, 0, 0, 123))]);
			await t.q(c, 'select id from np_users order by id limit $1 offset $2', [1, 1]);
			await t.q(c, 'select count(*) from np_users where name is not distinct from $1', [null]);
		},
	},
	{
		name: 'default type parsers: what an application gets',
		async run(t) {
			const c = await t.pg();
			await t.q(c, CREATE);
			await t.q(c, "insert into np_users (email, name, age, balance, big, ratio, born, seen, uid, meta, doc, avatar) values " +
				"('a@b.c', 'Ann', 7, 12.5, 9007199254740993, 1.25, '2000-01-02', '2026-04-23 10:00:00.5', " +
				"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\":[1,2]}', '[true, null]', '\\x0102')");
			await t.q(c, { text: 'select * from np_users', types: 'default' });
			await t.q(c, { text: 'select count(*) as n, sum(age) as s, avg(age) as a, max(created) as m from np_users', types: 'default' });
			await t.q(c, { text: "select 1::int2 as i2, 2::int4 as i4, 3::int8 as i8, 1.5::float4 as f4, 2.5::float8 as f8, true as b, 'x'::char(3) as c", types: 'default' });
		},
	},
	{
		name: 'named prepared statements',
		async run(t) {
			const c = await t.pg();
			await t.q(c, CREATE);
			await t.q(c, "insert into np_users (email, name) values ('a@b.c', 'Ann'), ('b@b.c', 'Bob'), ('c@b.c', 'Cy')");
			const q = (id) => ({ name: 'np_by_id', text: 'select id, name from np_users where id = $1', values: [id] });
			await t.q(c, q(1));
			await t.q(c, q(2));
			await t.q(c, q(99));
			await t.q(c, { name: 'np_count', text: 'select count(*) from np_users' });
			await t.q(c, { name: 'np_count', text: 'select count(*) from np_users' });
			await t.q(c, { name: 'np_ins', text: 'insert into np_users (email) values ($1) returning email', values: ['d@b.c'] });
			await t.q(c, { name: 'np_ins', text: 'insert into np_users (email) values ($1) returning email', values: ['d@b.c'] });
			await t.q(c, { name: 'np_ins', text: 'insert into np_users (email) values ($1) returning email', values: ['e@b.c'] });
		},
	},
	{
		// pg decodes binary DataRow fields as UTF-8 text before any parser
		// sees them, so bytes that are not valid UTF-8 show as efbfbd; equal
		// bytes still give equal output. Byte-exact checks: 050-types.
		name: 'binary results (binary: true)',
		async run(t) {
			const c = await t.pg();
			await t.q(c, CREATE);
			await t.q(c, "insert into np_users (email, name, age, balance, big, ratio, active, born, seen, uid) values " +
				"('a@b.c', 'Ann', 7, 12.5, -2, 1.25, true, '2000-01-02', '2026-04-23 10:00:00.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
			await t.q(c, { text: 'select id, email, name, age, big, ratio, active from np_users where id = $1', values: [1], binary: true });
			await t.q(c, { text: 'select $1::int4 as a, $2::text as b', values: [5, 'x'], binary: true });
		},
	},
	{
		name: 'Buffer parameters are sent in binary format',
		async run(t) {
			const c = await t.pg();
			await t.q(c, CREATE);
			await t.q(c, 'insert into np_users (email, avatar) values ($1, $2) returning avatar', ['a@b.c', Buffer.from([0, 1, 2, 0xfe, 0xff])]);
			await t.q(c, 'select $1::bytea as b, length($1::bytea) as n', [Buffer.alloc(0)]);
			await t.q(c, 'select $1::int4 + 1 as i', [Buffer.from([0, 0, 1, 0])]);
			await t.q(c, 'select $1::uuid as u', [Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex')]);
			await t.q(c, 'select avatar = $1 as same from np_users', [Buffer.from([0, 1, 2, 0xfe, 0xff])]);
		},
	},
	{
		name: 'pg-cursor: read in batches (Execute with row limit)',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'drop table if exists np_rows; create table np_rows (n int, s text); ' +
				"insert into np_rows values (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
			const cursor = c.query(new t.Cursor('select n, s from np_rows where n > $1 order by n', [0], { rowMode: 'array', types: { getTypeParser: () => (v) => v } }));
			const read = (n) => new Promise((resolve, reject) => cursor.read(n, (err, rows) => (err ? reject(err) : resolve(rows))));
			t.note('read 2', await read(2));
			t.note('read 2', await read(2));
			t.note('read 2', await read(2));
			t.note('read 2 after end', await read(2));
			await new Promise((resolve) => cursor.close(resolve));
			await t.q(c, 'select count(*) from np_rows');
		},
	},
	{
		name: 'pg-cursor: close early, connection reusable',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'drop table if exists np_rows; create table np_rows (n int); insert into np_rows values (1), (2), (3)');
			const cursor = c.query(new t.Cursor('select n from np_rows order by n', [], { rowMode: 'array' }));
			const rows = await new Promise((resolve, reject) => cursor.read(1, (err, r) => (err ? reject(err) : resolve(r))));
			t.note('first', rows);
			await new Promise((resolve) => cursor.close(resolve));
			await t.q(c, 'select 42 as after_close');
		},
	},
	{
		name: 'queries issued without awaiting run in order on one connection',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'drop table if exists np_rows; create table np_rows (n int primary key)', undefined, { record: false });
			const ps = [
				t.q(c, 'insert into np_rows values ($1)', [1], { record: false }),
				t.q(c, 'insert into np_rows values ($1)', [2], { record: false }),
				t.q(c, 'insert into np_rows values ($1)', [1], { record: false }),
				t.q(c, 'select count(*) from np_rows', undefined, { record: false }),
				t.q(c, { name: 'np_p', text: 'select n from np_rows where n = $1', values: [2] }, undefined, { record: false }),
				t.q(c, 'select 1/0', undefined, { record: false }),
				t.q(c, 'select n from np_rows order by n', undefined, { record: false }),
			];
			t.note('results in order', await Promise.all(ps));
		},
	},
	{
		name: 'transactions through node-postgres',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'drop table if exists np_rows; create table np_rows (n int primary key)');
			await t.q(c, 'begin');
			await t.q(c, 'insert into np_rows values ($1)', [1]);
			await t.q(c, 'insert into np_rows values ($1)', [1]);
			await t.q(c, 'select count(*) from np_rows');
			await t.q(c, 'rollback');
			await t.q(c, 'begin');
			await t.q(c, 'insert into np_rows values ($1)', [2]);
			await t.q(c, 'savepoint sp');
			await t.q(c, 'insert into np_rows values ($1)', [2]);
			await t.q(c, 'rollback to savepoint sp');
			await t.q(c, 'insert into np_rows values ($1)', [3]);
			await t.q(c, 'commit');
			await t.q(c, 'select n from np_rows order by n');
			t.note('statuses', c.rfq);
		},
	},
];
