// Simple query protocol: several statements per message, EmptyQueryResponse,
// implicit transactions, ReadyForQuery status, notices, command tags.
import { fe } from '../lib/wire.mjs';

export const cleanup = 'drop table if exists sq_t, sq_implicit, sq_tags cascade';

export const cases = [
	{
		name: 'two statements in one Query message',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'select 1; select 2', fe.query("select 1 as a; select 'two' as b, null as c"));
		},
	},
	{
		name: 'node-postgres: several statements return an array of results',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'select 1 as a; select 2 as b');
			await t.q(c, 'create table sq_t (id int); insert into sq_t values (1), (2); select * from sq_t order by id; drop table sq_t');
		},
	},
	{
		name: 'postgres.js: unsafe() with several statements',
		async run(t) {
			const sql = t.pgjs();
			await t.pj('select 1; select 2', sql.unsafe('select 1 as a; select 2 as b'));
		},
	},
	{
		name: 'empty queries: EmptyQueryResponse',
		async run(t) {
			const w = await t.wire();
			await t.w(w, "''", fe.query(''));
			await t.w(w, "';'", fe.query(';'));
			await t.w(w, "'  -- only a comment'", fe.query('  -- only a comment'));
			await t.w(w, "'/* c */ ;;'", fe.query('/* c */ ;;'));
			await t.w(w, "'select 1;;'", fe.query('select 1;;'));
			await t.w(w, "'; select 1'", fe.query('; select 1'));
		},
	},
	{
		name: 'node-postgres: empty query',
		async run(t) {
			const c = await t.pg();
			await t.q(c, '');
			await t.q(c, ';');
			await t.q(c, 'select 1 as after');
		},
	},
	{
		name: 'ReadyForQuery status I / T / E (raw protocol)',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'select 1', fe.query('select 1'));
			await t.w(w, 'begin', fe.query('begin'));
			await t.w(w, 'select 1 in txn', fe.query('select 1'));
			await t.w(w, 'error in txn', fe.query('select 1/0'));
			await t.w(w, 'ignored in failed txn', fe.query('select 1'));
			await t.w(w, 'commit of failed txn', fe.query('commit'));
			await t.w(w, 'begin; savepoint', fe.query('begin; savepoint s'));
			await t.w(w, 'error after savepoint', fe.query('select x_no_such_col'));
			await t.w(w, 'rollback to savepoint', fe.query('rollback to savepoint s'));
			await t.w(w, 'rollback', fe.query('rollback'));
		},
	},
	{
		name: 'node-postgres: ReadyForQuery statuses',
		async run(t) {
			const c = await t.pg();
			for (const s of ['select 1', 'begin', 'select 1', 'select 1/0', 'select 1', 'rollback', 'select 1']) {
				await t.q(c, s, undefined, { record: false });
			}
			t.note('statuses', c.rfq);
		},
	},
	{
		name: 'implicit transaction: an error in the 2nd statement rolls back the 1st',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'create', fe.query('create table sq_implicit (id int primary key)'));
			await t.w(w, 'insert; bad insert', fe.query('insert into sq_implicit values (1); insert into sq_implicit values (1)'));
			await t.w(w, 'nothing kept', fe.query('select count(*) from sq_implicit'));
			await t.w(w, 'insert; select 1/0', fe.query('insert into sq_implicit values (2); select 1/0; insert into sq_implicit values (3)'));
			await t.w(w, 'nothing kept either', fe.query('select count(*) from sq_implicit'));
		},
	},
	{
		name: 'implicit transaction: explicit COMMIT inside the message keeps earlier work',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'reset', fe.query('drop table if exists sq_implicit; create table sq_implicit (id int primary key)'));
			await t.w(w, 'begin; insert; commit; insert; error',
				fe.query('begin; insert into sq_implicit values (1); commit; insert into sq_implicit values (2); select 1/0'));
			await t.w(w, 'only 1 kept', fe.query('select id from sq_implicit order by id'));
			await t.w(w, 'insert; commit (no begin); error',
				fe.query('insert into sq_implicit values (3); commit; insert into sq_implicit values (4); select 1/0'));
			await t.w(w, '3 kept, 4 not', fe.query('select id from sq_implicit order by id'));
			await t.w(w, 'begin inside; error leaves txn open and failed',
				fe.query('insert into sq_implicit values (5); begin; insert into sq_implicit values (6); select 1/0'));
			await t.w(w, 'rollback', fe.query('rollback'));
			await t.w(w, 'final', fe.query('select id from sq_implicit order by id'));
			await t.w(w, 'drop', fe.query('drop table sq_implicit'));
		},
	},
	{
		name: 'notices arrive before CommandComplete',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'drop if exists (missing)', fe.query('drop table if exists sq_never_existed'));
			await t.w(w, 'commit outside txn', fe.query('commit'));
			await t.w(w, 'begin twice', fe.query('begin; begin'));
			await t.w(w, 'rollback', fe.query('rollback'));
		},
	},
	{
		name: 'command tags',
		async run(t) {
			const w = await t.wire();
			const run = (label, sql) => t.w(w, label, fe.query(sql));
			await run('create table', 'create table sq_tags (id serial primary key, v text)');
			await run('insert 1', "insert into sq_tags (v) values ('a')");
			await run('insert 3', "insert into sq_tags (v) values ('b'), ('c'), ('d')");
			await run('insert 0 via select', 'insert into sq_tags (v) select v from sq_tags where false');
			await run('insert ... select 4', 'insert into sq_tags (v) select v from sq_tags');
			await run('update 3', "update sq_tags set v = 'x' where id <= 3");
			await run('update 0', "update sq_tags set v = 'x' where id < 0");
			await run('delete 0', 'delete from sq_tags where id < 0');
			await run('delete 2', 'delete from sq_tags where id > 6');
			await run('select 6... no, select n', 'select id from sq_tags order by id');
			await run('select 0', 'select id from sq_tags where false');
			await run('create index', 'create index sq_tags_v on sq_tags (v)');
			await run('drop index', 'drop index sq_tags_v');
			await run('begin/commit', 'begin; commit');
			await run('start transaction/rollback', 'start transaction; rollback');
			await run('begin/savepoint/release/rollback to', 'begin; savepoint a; release a; savepoint b; rollback to b; end');
			await run('set/show/reset', "set application_name = 'x'; show application_name; reset application_name");
			await run('set time zone', "set time zone 'UTC'");
			await run('drop table', 'drop table sq_tags');
		},
	},
	{
		name: 'SELECT with no rows still sends RowDescription',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'where false', fe.query('select 1 as a, \'x\'::text as b where false'));
		},
	},
	{
		name: 'an error stops the rest of a multi-statement message',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'select 1; bad; select 3', fe.query('select 1 as one; select x_no_such_col; select 3 as three'));
			await t.w(w, 'syntax error anywhere fails the whole message', fe.query('select 1 as one; selec 2; select 3'));
			await t.w(w, 'connection still usable', fe.query('select 4 as four'));
		},
	},
	{
		name: 'very long query text and many columns',
		async run(t) {
			const c = await t.pg();
			const cols = Array.from({ length: 200 }, (_, i) => `${i} as c${i}`).join(', ');
			const r = await t.q(c, `select ${cols}`, undefined, { record: false });
			t.note('200 columns', { command: r.command, ncols: r.fields.length, first: r.fields[0], last: r.fields[199], row0: r.rows[0].slice(0, 3) });
			const long = `select '${'x'.repeat(100000)}' as big`;
			const r2 = await t.q(c, long, undefined, { record: false });
			t.note('100 kB literal', { len: r2.rows[0][0].length, type: r2.fields[0].type });
		},
	},
	{
		name: 'unicode and special characters round-trip',
		async run(t) {
			const c = await t.pg();
			await t.q(c, "select 'héllo wörld ✓ 日本語 😀' as u, E'tab\\there' as esc, 'quote''s' as q, 'back\\slash' as b, U&'\\0041' as uesc");
			await t.q(c, "select $$dollar 'quoted'$$ as d, $tag$ $$ nested $tag$ as t");
			await t.q(c, 'select "Mixed Case" from (select 1 as "Mixed Case") s');
		},
	},
];
