// Every error the issue lists, with all its fields, each followed by recovery
// on the same connection. Plus the litegres-only 0A000 cases.
import { fe } from '../lib/wire.mjs';

export const cleanup = 'drop table if exists er_orders, er_users cascade';

const SETUP = `drop table if exists er_orders, er_users;
	create table er_users (id int primary key, email text not null, age int, name varchar(5),
		constraint er_users_email_key unique (email), constraint er_users_age_check check (age >= 0));
	create table er_orders (id int primary key, user_id int not null constraint er_orders_user_fk references er_users(id),
		total numeric(8,2) check (total > 0));
	insert into er_users values (1, 'a@b.c', 30, 'ann'), (2, 'b@b.c', 40, 'bob');
	insert into er_orders values (1, 1, 9.99)`;

async function conn(t) {
	const c = await t.pg();
	const r = await t.q(c, SETUP, undefined, { record: false });
	if (r.error) throw new Error('setup: ' + JSON.stringify(r.error));
	return c;
}

// One error, then proof that the same connection still works.
function errorCase(name, sql, values) {
	return {
		name,
		async run(t) {
			const c = await conn(t);
			await t.q(c, sql, values);
			await t.q(c, 'select count(*) as users from er_users');
		},
	};
}

export const cases = [
	errorCase('23505 unique_violation (constraint, detail Key (email)=(a@b.c) already exists.)',
		"insert into er_users (id, email) values (3, 'a@b.c')"),
	errorCase('23505 on the primary key, extended protocol', 'insert into er_users (id, email) values ($1, $2)', [1, 'x@y.z']),
	errorCase('23505 on UPDATE', "update er_users set email = 'a@b.c' where id = 2"),
	errorCase('23502 not_null_violation (column)', 'insert into er_users (id, email) values (4, null)'),
	errorCase('23502 on UPDATE', 'update er_users set email = null where id = 1'),
	errorCase('23503 foreign_key_violation on INSERT', 'insert into er_orders (id, user_id, total) values (2, 42, 1)'),
	errorCase('23503 foreign_key_violation on DELETE of the referenced row', 'delete from er_users where id = 1'),
	errorCase('23514 check_violation', 'insert into er_users (id, email, age) values (5, $1, $2)', ['c@d.e', -5]),
	errorCase('23514 on UPDATE', 'update er_orders set total = 0 where id = 1'),
	errorCase('22001 string too long for varchar(5)', "insert into er_users (id, email, name) values (6, 'z', 'toolong')"),
	errorCase('42P01 undefined_table', 'select * from er_missing_table'),
	errorCase('42P01 undefined_table, extended protocol', 'select * from er_missing_table where id = $1', [1]),
	errorCase('42703 undefined_column', 'select no_such_column from er_users'),
	errorCase('42703 undefined_column in WHERE, extended protocol', 'select id from er_users where no_such_column = $1', [1]),
	errorCase('42601 syntax_error with position', 'select * from er_users wher id = 1'),
	errorCase('42601 syntax error at end of input', 'select * from'),
	errorCase('42601 extended protocol', 'selectt $1', [1]),
	errorCase('22P02 invalid_text_representation', "select 'abc'::int"),
	errorCase('22P02 from a parameter', 'select * from er_users where id = $1', ['abc']),
	errorCase('22P02 uuid', "select 'zzz'::uuid"),
	errorCase('22012 division_by_zero', 'select 1/0'),
	errorCase('22012 division by zero from table data', 'select 1 / (age - 30) from er_users'),
	errorCase('22003 numeric_value_out_of_range', 'select 2147483647::int4 + 1'),
	errorCase('42883 undefined_function', 'select er_no_such_function(1)'),
	errorCase('42883 operator does not exist: text = integer', 'select id from er_users where email = 1'),
	errorCase('42804 datatype_mismatch', "insert into er_users (id, email) values (true, 'x')"),
	errorCase('42P07 duplicate_table', 'create table er_users (id int)'),
	errorCase('42701 duplicate_column', 'create table er_dup (a int, a int)'),
	{
		name: '25P02 in_failed_sql_transaction, then ROLLBACK recovers',
		async run(t) {
			const c = await conn(t);
			await t.q(c, 'begin');
			await t.q(c, "insert into er_users (id, email) values (10, 'in@txn')");
			await t.q(c, 'select 1/0');
			await t.q(c, 'select 1');
			await t.q(c, "insert into er_users (id, email) values (11, 'in@txn2')");
			await t.q(c, 'commit');
			await t.q(c, "select count(*) from er_users where email like 'in@%'");
			t.note('ReadyForQuery statuses', c.rfq);
		},
	},
	{
		name: '25P02 through the extended protocol (postgres.js)',
		async run(t) {
			const sql = t.pgjs();
			await t.pj('setup', sql.unsafe(SETUP), { record: false });
			await t.pj('begin', sql.unsafe('begin'));
			await t.pj('error', sql`select * from er_users where id = ${'x'}`);
			await t.pj('ignored', sql`select ${1}::int as one`);
			await t.pj('rollback', sql.unsafe('rollback'));
			await t.pj('works', sql`select ${1}::int as one`);
		},
	},
	{
		name: 'several errors in a row on one connection',
		async run(t) {
			const c = await conn(t);
			for (const s of ['select * from er_nope', 'select 1/0', 'selec 1', "select 'x'::int", "insert into er_users values (1, 'a@b.c')"]) {
				await t.q(c, s);
			}
			await t.q(c, 'select email from er_users order by id');
		},
	},
	{
		name: 'error fields through the raw protocol (all fields, no F/L/R)',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'setup', fe.query(SETUP), { record: false });
			await t.w(w, '23505', fe.query("insert into er_users (id, email) values (3, 'a@b.c')"));
			await t.w(w, '23503', fe.query('insert into er_orders values (5, 99, 1)'));
			await t.w(w, '42601', fe.query('select 1 +'));
			await t.w(w, '42703 with table alias', fe.query('select u.nonexistent_col from er_users u'));
		},
	},
	{
		name: '0A000 feature_not_supported: CREATE TRIGGER',
		litegresOnly: {
			reason: 'PostgreSQL 15 supports triggers; litegres does not translate CREATE TRIGGER / PL/pgSQL functions and must say so with 0A000 instead of failing silently',
			expected: [
				{ step: 'CREATE TRIGGER', result: { severity: 'ERROR', code: '0A000', hasMessage: true } },
				{ sql: 'select 1 as still_alive', result: { command: 'SELECT', rowCount: 1, fields: [{ name: 'still_alive', table: 0, attnum: 0, type: 23, len: 4, mod: -1, fmt: 0 }], rows: [['1']] } },
			],
		},
		async run(t) {
			const c = await conn(t);
			const r = await t.q(c, 'create trigger er_trg before insert on er_users for each row execute function er_no_fn()', undefined, { record: false });
			t.note('CREATE TRIGGER', r.error ? { severity: r.error.severity, code: r.error.code, hasMessage: !!r.error.message } : r);
			await t.q(c, 'select 1 as still_alive');
		},
	},
	{
		name: '0A000 feature_not_supported: LISTEN, inside a transaction then 25P02',
		litegresOnly: {
			reason: 'PostgreSQL 15 supports LISTEN/NOTIFY; litegres does not and must answer 0A000',
			expected: [
				{ sql: 'begin', result: { command: 'BEGIN', rowCount: null } },
				{ step: 'LISTEN', result: { severity: 'ERROR', code: '0A000', hasMessage: true } },
				{ sql: 'select 1', result: { error: { severity: 'ERROR', code: '25P02', message: 'current transaction is aborted, commands ignored until end of transaction block' } } },
				{ sql: 'rollback', result: { command: 'ROLLBACK', rowCount: null } },
				{ sql: 'select 2 as ok', result: { command: 'SELECT', rowCount: 1, fields: [{ name: 'ok', table: 0, attnum: 0, type: 23, len: 4, mod: -1, fmt: 0 }], rows: [['2']] } },
			],
		},
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'begin');
			const r = await t.q(c, 'listen er_channel', undefined, { record: false });
			t.note('LISTEN', r.error ? { severity: r.error.severity, code: r.error.code, hasMessage: !!r.error.message } : r);
			await t.q(c, 'select 1');
			await t.q(c, 'rollback');
			await t.q(c, 'select 2 as ok');
		},
	},
];
