// Several sessions at once: isolation of uncommitted work, a client that
// disconnects mid-transaction, a second writer while the first holds a
// transaction, read-only transactions, session-local settings.
import { fe, Wire } from '../lib/wire.mjs';

export const cleanup = 'drop table if exists ss_t cascade';

// A statement that waited for a row lock: PostgreSQL's error CONTEXT names
// the tuple's physical place ("while updating tuple (0,1) in relation ..."),
// a storage detail a single-writer store has no equivalent of; the rest of
// the error is compared.
async function waited(t, c, sql) {
	const r = await t.q(c, sql, undefined, { record: false });
	if (r.error) delete r.error.where;
	t.note(sql, r);
}

// Session a holds row 1 of ss_t in an open transaction; b will wait for it.
async function holdRow(t) {
	const a = await t.pg();
	const b = await t.pg();
	await fresh(t, a);
	await t.q(a, "insert into ss_t values (1, 'a')");
	await t.q(a, 'begin');
	await t.q(a, "update ss_t set v = 'held' where id = 1");
	return { a, b };
}

async function fresh(t, c) {
	const r = await t.q(c, 'drop table if exists ss_t; create table ss_t (id int primary key, v text)', undefined, { record: false });
	if (r.error) throw new Error('setup: ' + JSON.stringify(r.error));
}

export const cases = [
	{
		name: 'uncommitted rows are invisible to other sessions until COMMIT',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await fresh(t, a);
			await t.q(a, 'begin');
			await t.q(a, "insert into ss_t values (1, 'a')");
			await t.q(a, 'select count(*) from ss_t');
			await t.q(b, 'select count(*) from ss_t');
			await t.q(a, 'commit');
			await t.q(b, 'select count(*) from ss_t');
		},
	},
	{
		name: 'client disconnects mid-transaction: its changes are rolled back',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await fresh(t, a);
			await t.q(a, "insert into ss_t values (1, 'committed')");
			await t.q(a, 'begin');
			await t.q(a, "insert into ss_t values (2, 'uncommitted')");
			await t.q(a, "update ss_t set v = 'changed' where id = 1");
			// Drop the socket without Terminate, as a crashed client would.
			a.connection.stream.destroy();
			await t.sleep(200);
			await t.q(b, 'select id, v from ss_t order by id');
			// The row lock / write lock must be gone too: B can write the same key.
			await t.q(b, "insert into ss_t values (2, 'b wins')");
			await t.q(b, "update ss_t set v = 'b updated' where id = 1");
			await t.q(b, 'select id, v from ss_t order by id');
		},
	},
	{
		name: 'client sends Terminate mid-transaction: rolled back',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await fresh(t, a);
			await t.q(a, 'begin');
			await t.q(a, "insert into ss_t values (1, 'x')");
			await a.end();
			await t.sleep(200);
			await t.q(b, 'select count(*) from ss_t');
			await t.q(b, "insert into ss_t values (1, 'y')");
		},
	},
	{
		name: 'a second writer while the first holds a transaction: both commit',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await fresh(t, a);
			await t.q(a, 'begin');
			await t.q(a, "insert into ss_t values (1, 'a')");
			// PostgreSQL lets B proceed at once (different row); a single-writer
			// store makes B wait for A's COMMIT. Either way both must succeed.
			const pb = t.q(b, "insert into ss_t values (2, 'b')", undefined, { record: false });
			await t.sleep(100);
			await t.q(a, 'commit');
			t.note('second writer', await pb);
			await t.q(b, 'select id, v from ss_t order by id');
		},
	},
	{
		name: 'same key from two sessions: the second gets 23505 after the first commits',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await fresh(t, a);
			await t.q(a, 'begin');
			await t.q(a, "insert into ss_t values (1, 'a')");
			const pb = t.q(b, "insert into ss_t values (1, 'b')", undefined, { record: false });
			await t.sleep(100);
			await t.q(a, 'commit');
			t.note('second insert', await pb);
			await t.q(b, 'select id, v from ss_t order by id');
		},
	},
	{
		name: 'repeatable read: a snapshot does not see later commits',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await fresh(t, a);
			await t.q(a, "insert into ss_t values (1, 'a')");
			await t.q(a, 'begin isolation level repeatable read');
			await t.q(a, 'select count(*) from ss_t');
			await t.q(b, "insert into ss_t values (2, 'b')");
			await t.q(a, 'select count(*) from ss_t');
			await t.q(a, 'commit');
			await t.q(a, 'select count(*) from ss_t');
		},
	},
	{
		name: 'read-only transaction rejects writes (25006)',
		async run(t) {
			const a = await t.pg();
			await fresh(t, a);
			await t.q(a, 'begin read only');
			await t.q(a, 'select count(*) from ss_t');
			await t.q(a, "insert into ss_t values (1, 'x')");
			await t.q(a, 'rollback');
			await t.q(a, 'start transaction read only');
			await t.q(a, 'update ss_t set v = v');
			await t.q(a, 'rollback');
			await t.q(a, 'set default_transaction_read_only = on');
			await t.q(a, "insert into ss_t values (1, 'x')");
			await t.q(a, 'reset default_transaction_read_only');
			await t.q(a, "insert into ss_t values (1, 'x')");
		},
	},
	{
		name: 'settings are per session',
		async run(t) {
			const a = await t.pg({ application_name: 'session-a' });
			const b = await t.pg({ application_name: 'session-b' });
			await t.q(a, "set statement_timeout = '3s'");
			await t.q(a, 'show statement_timeout');
			await t.q(b, 'show statement_timeout');
			await t.q(a, 'show application_name');
			await t.q(b, 'show application_name');
		},
	},
	{
		name: 'prepared statements are per session',
		async run(t) {
			const a = await t.pg();
			const b = await t.pg();
			await t.q(a, { name: 'ss_stmt', text: 'select 1 as a' });
			await t.q(b, { name: 'ss_stmt', text: 'select 2 as b' });
			await t.q(a, { name: 'ss_stmt', text: 'select 1 as a' });
		},
	},
	{
		name: 'a writer waiting for a lock gives up after lock_timeout: 55P03',
		async run(t) {
			const { a, b } = await holdRow(t);
			await t.q(b, "set lock_timeout = '300ms'");
			await waited(t, b, "update ss_t set v = 'waits' where id = 1");
			// B is usable again; A's transaction is untouched.
			await t.q(b, 'select 1 as b_alive');
			await t.q(a, 'commit');
			await t.q(b, 'select v from ss_t');
		},
	},
	{
		name: 'a waiting writer inside a transaction: statement_timeout 57014 aborts the block',
		async run(t) {
			const { a, b } = await holdRow(t);
			await t.q(b, 'begin');
			await t.q(b, "set local statement_timeout = '300ms'");
			await waited(t, b, "update ss_t set v = 'waits' where id = 1");
			await t.q(b, 'select 1');
			await t.q(b, 'rollback');
			await t.q(a, 'rollback');
			await t.q(b, "update ss_t set v = 'b' where id = 1");
		},
	},
	{
		name: 'CancelRequest for a writer waiting for a lock: 57014, the session goes on',
		async run(t) {
			const { a, b } = await holdRow(t);
			const waiting = waited(t, b, "update ss_t set v = 'waits' where id = 1");
			await t.sleep(300);
			const c = await Wire.open(t.target.host, t.target.port);
			t.resources.push(() => c.close());
			await c.send(fe.cancel(b.processID, b.secretKey));
			await c.drain(5000);
			await waiting;
			await t.q(a, 'commit');
			await t.q(b, 'select v from ss_t');
		},
	},
	{
		name: 'sequence values survive rollback; a re-created database starts afresh',
		async run(t) {
			const a = await t.pg();
			await t.q(a, 'drop database if exists ss_seqdb', undefined, { record: false });
			await t.q(a, 'create database ss_seqdb');
			let d = await t.pg({ database: 'ss_seqdb' });
			await t.q(d, 'create sequence s');
			await t.q(d, 'begin');
			await t.q(d, "select nextval('s'), nextval('s')");
			await t.q(d, 'rollback');
			await t.q(d, "select nextval('s')");
			await d.end();
			await t.q(a, 'drop database ss_seqdb');
			await t.q(a, 'create database ss_seqdb');
			d = await t.pg({ database: 'ss_seqdb' });
			await t.q(d, 'create sequence s');
			await t.q(d, "select nextval('s')");
			await d.end();
			await t.q(a, 'drop database ss_seqdb');
		},
	},
	{
		name: 'twenty concurrent connections',
		async run(t) {
			const clients = await Promise.all(Array.from({ length: 20 }, () => t.pg()));
			const results = await Promise.all(clients.map((c, i) => t.q(c, 'select $1::int * 2 as v', [i], { record: false })));
			t.note('values', results.map((r) => (r.rows ? r.rows[0][0] : r)));
			await Promise.all(clients.map((c) => c.end()));
			const c = await t.pg();
			await t.q(c, 'select 1 as still_serving');
		},
	},
];
