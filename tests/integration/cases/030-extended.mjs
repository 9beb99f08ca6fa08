// Extended query protocol on the raw wire: Parse/Bind/Describe/Execute/Sync,
// named and unnamed statements and portals, ParameterDescription, NoData,
// binary parameters and results, row limits and PortalSuspended, pipelining,
// and errors (skip to Sync).
import { fe } from '../lib/wire.mjs';

export const cleanup = 'drop table if exists ext_t, ext_types, ext_rows, ext_implicit cascade';

const SETUP = `
	drop table if exists ext_t;
	create table ext_t (id int primary key, name text not null, score numeric(6,2), born date);
	insert into ext_t values (1, 'ann', 1.50, '2000-01-01'), (2, 'bob', null, null), (3, 'cy', 99.99, '1999-12-31')`;

async function setup(t, w) {
	const r = await t.w(w, 'setup', fe.query(SETUP), { record: false });
	const err = r.find((m) => m.type === 'ErrorResponse');
	if (err) throw new Error(`setup failed: ${err.code} ${err.message}`);
}

function i32(n) {
	const b = Buffer.alloc(4);
	b.writeInt32BE(n);
	return b;
}

export const cases = [
	{
		name: 'unnamed statement: Parse/Bind/Describe portal/Execute/Sync',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'select $1::int4 + 1', [
				fe.parse('', 'select $1::int4 + 1 as n', []), fe.bind('', '', ['41']),
				fe.describe('P', ''), fe.execute('', 0), fe.sync(),
			]);
		},
	},
	{
		name: 'Describe statement: ParameterDescription and RowDescription',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			await t.w(w, 'describe S', [
				fe.parse('', 'select id, name, score, born from ext_t where id = $1 and name <> $2', []),
				fe.describe('S', ''), fe.sync(),
			]);
			await t.w(w, 'then bind+execute the same unnamed statement', [
				fe.bind('', '', ['1', 'x']), fe.execute('', 0), fe.sync(),
			]);
		},
	},
	{
		name: 'named statements: reuse, close, re-prepare',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			await t.w(w, 'parse s1', [fe.parse('s1', 'select name from ext_t where id = $1', []), fe.sync()]);
			await t.w(w, 'execute s1 (1)', [fe.bind('', 's1', ['1']), fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'execute s1 (3)', [fe.bind('', 's1', ['3']), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'parse s1 again', [fe.parse('s1', 'select 1', []), fe.sync()]);
			await t.w(w, 'close s1', [fe.close('S', 's1'), fe.sync()]);
			await t.w(w, 'bind closed s1', [fe.bind('', 's1', ['1']), fe.execute('', 0), fe.sync()]);
			await t.w(w, 're-parse s1', [fe.parse('s1', 'select 2 as two', []), fe.bind('', 's1', []), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'close unknown statement and portal', [fe.close('S', 'nope'), fe.close('P', 'nope'), fe.sync()]);
			await t.w(w, 'describe unknown statement', [fe.describe('S', 'nope'), fe.sync()]);
			await t.w(w, 'describe unknown portal', [fe.describe('P', 'nope'), fe.sync()]);
			await t.w(w, 'DEALLOCATE via simple query', fe.query('deallocate s1'));
			await t.w(w, 'bind after deallocate', [fe.bind('', 's1', []), fe.execute('', 0), fe.sync()]);
		},
	},
	{
		name: 'unnamed statement survives Sync until the next Parse',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'parse', [fe.parse('', 'select $1::text as v', []), fe.sync()]);
			await t.w(w, 'bind after sync', [fe.bind('', '', ['x']), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'simple query in between', fe.query('select 1'));
			await t.w(w, 'bind after simple query', [fe.bind('', '', ['y']), fe.execute('', 0), fe.sync()]);
		},
	},
	{
		name: 'ParameterDescription: types inferred from columns, casts, operators, LIMIT',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'create', fe.query(`drop table if exists ext_types;
				create table ext_types (c_int2 int2, c_int4 int4, c_int8 int8, c_text text, c_varchar varchar(20),
				c_char char(3), c_bool bool, c_real real, c_float8 float8, c_numeric numeric(10,2), c_date date,
				c_time time, c_ts timestamp, c_tstz timestamptz, c_uuid uuid, c_json json, c_jsonb jsonb, c_bytea bytea,
				c_serial serial)`), { record: false });
			const describe = (label, sql, oids = []) => t.w(w, label, [fe.parse('', sql, oids), fe.describe('S', ''), fe.sync()]);
			await describe('insert values into every column',
				'insert into ext_types (c_int2, c_int4, c_int8, c_text, c_varchar, c_char, c_bool, c_real, c_float8, c_numeric, ' +
				'c_date, c_time, c_ts, c_tstz, c_uuid, c_json, c_jsonb, c_bytea) values ' +
				'($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)');
			await describe('insert returning', 'insert into ext_types (c_int4, c_text) values ($1, $2) returning c_serial, c_text');
			await describe('update set/where', 'update ext_types set c_text = $1, c_numeric = $2 where c_int8 = $3 and c_uuid = $4');
			await describe('delete where', 'delete from ext_types where c_date < $1 or c_tstz >= $2');
			await describe('select where/limit/offset',
				'select c_int4 from ext_types where c_bool = $1 and c_varchar like $2 order by c_int4 limit $3 offset $4');
			await describe('casts', 'select $1::int8 as a, $2::numeric as b, cast($3 as date) as c, $4::uuid as d, $5::jsonb as e, $6::bytea as f');
			await describe('untyped select-list parameter', 'select $1 as v');
			await describe('arithmetic with a column', 'select c_int4 + $1 as x, c_float8 * $2 as y from ext_types');
			await describe('IN list', 'select 1 from ext_types where c_int2 in ($1, $2)');
			await describe('between', 'select 1 from ext_types where c_ts between $1 and $2');
			await describe('explicit parameter OIDs in Parse', 'select $1 as a, $2 as b', [23, 25]);
			await describe('Parse OID 0 means infer', 'select c_text from ext_types where c_int8 = $1', [0]);
			await describe('no parameters, DDL: NoData', 'create table if not exists ext_types (a int)');
			await describe('insert without returning: NoData', 'insert into ext_types (c_int4) values (1)');
		},
	},
	{
		name: 'Describe portal: NoData for commands without rows',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			await t.w(w, 'insert', [fe.parse('', 'insert into ext_t values ($1, $2)', []), fe.bind('', '', ['10', 'x']),
				fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'insert returning', [fe.parse('', 'insert into ext_t values ($1, $2) returning id, name || \'!\' as n', []),
				fe.bind('', '', ['11', 'y']), fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'update', [fe.parse('', 'update ext_t set name = $1 where id >= $2', []), fe.bind('', '', ['z', '10']),
				fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'delete', [fe.parse('', 'delete from ext_t where id >= $1', []), fe.bind('', '', ['10']),
				fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'set', [fe.parse('', "set application_name = 'ext'", []), fe.bind('', '', []),
				fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'show', [fe.parse('', 'show application_name', []), fe.bind('', '', []),
				fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'begin/commit', [fe.parse('', 'begin', []), fe.bind('', '', []), fe.describe('P', ''), fe.execute('', 0),
				fe.parse('', 'commit', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
		},
	},
	{
		name: 'binary parameters',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			const f8 = Buffer.alloc(8);
			f8.writeDoubleBE(2.5);
			const i8 = Buffer.alloc(8);
			i8.writeBigInt64BE(-9000000000n);
			await t.w(w, 'int4 + text + bool + float8 + int8 binary', [
				fe.parse('', 'select $1::int4 + 1 as i, $2::text as t, not $3::bool as b, $4::float8 * 2 as f, $5::int8 as big', []),
				fe.bind('', '', [i32(41), Buffer.from('héllo'), Buffer.from([1]), f8, i8], [1, 1, 1, 1, 1]),
				fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'mixed formats: [0, 1]', [
				fe.parse('', 'select id, name from ext_t where id = $2 or name = $1 order by id', []),
				fe.bind('', '', ['cy', i32(1)], [0, 1]), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'one format code applies to all', [
				fe.parse('', 'select $1::int4 + $2::int4 as s', []),
				fe.bind('', '', [i32(2), i32(3)], [1]), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'bytea and uuid binary', [
				fe.parse('', 'select $1::bytea as b, $2::uuid as u', []),
				fe.bind('', '', [Buffer.from([0, 1, 2, 255]), Buffer.from('a0eebc999c0b4ef8bb6d6bb9bd380a11', 'hex')], [1, 1]),
				fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'binary null', [
				fe.parse('', 'select $1::int4 is null as n', []), fe.bind('', '', [null], [1]), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'binary param into a table', [
				fe.parse('', 'insert into ext_t (id, name, score) values ($1, $2, $3) returning *', [23, 25, 0]),
				fe.bind('', '', [i32(20), Buffer.from('bin'), '7.25'], [1, 1, 0]), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'bad binary int4 length', [
				fe.parse('', 'select $1::int4', []), fe.bind('', '', [Buffer.from([0, 1, 2])], [1]), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'bad text int4', [
				fe.parse('', 'select $1::int4', []), fe.bind('', '', ['abc']), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'invalid format code', [
				fe.parse('', 'select $1::int4', []), fe.bind('', '', ['1'], [7]), fe.execute('', 0), fe.sync(),
			]);
		},
	},
	{
		name: 'binary results',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			await t.w(w, 'all binary', [
				fe.parse('', 'select id, name, score, born from ext_t order by id', []),
				fe.bind('', '', [], [], [1]), fe.describe('P', ''), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'per column [0, 1, 0, 1]', [
				fe.parse('', 'select id, name, score, born from ext_t order by id', []),
				fe.bind('', '', [], [], [0, 1, 0, 1]), fe.describe('P', ''), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'wrong number of result formats', [
				fe.parse('', 'select id, name from ext_t', []),
				fe.bind('', '', [], [], [1, 1, 1]), fe.execute('', 0), fe.sync(),
			]);
		},
	},
	{
		name: 'Execute with a row limit: PortalSuspended, then resume',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'create 5 rows', fe.query(`drop table if exists ext_rows; create table ext_rows (n int);
				insert into ext_rows values (1), (2), (3), (4), (5)`), { record: false });
			const stop = (m) => ['PortalSuspended', 'CommandComplete', 'ErrorResponse'].includes(m.type);
			await t.w(w, 'parse/bind/execute 2', [
				fe.parse('', 'select n from ext_rows order by n', []), fe.bind('', '', []), fe.describe('P', ''),
				fe.execute('', 2), fe.flush(),
			], { read: stop });
			await t.w(w, 'execute 2 more', [fe.execute('', 2), fe.flush()], { read: stop });
			await t.w(w, 'execute 2: only 1 left', [fe.execute('', 2), fe.flush()], { read: stop });
			await t.w(w, 'execute again: portal is done', [fe.execute('', 2), fe.flush()], { read: stop });
			await t.w(w, 'sync', fe.sync());
			await t.w(w, 'unnamed portal is gone after Sync', [fe.execute('', 1), fe.sync()]);
		},
	},
	{
		name: 'named portal in a transaction survives Sync; gone after COMMIT',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'create rows', fe.query(`drop table if exists ext_rows; create table ext_rows (n int);
				insert into ext_rows values (1), (2), (3)`), { record: false });
			await t.w(w, 'begin', fe.query('begin'));
			await t.w(w, 'bind portal p1, execute 1', [
				fe.parse('', 'select n from ext_rows order by n', []), fe.bind('p1', '', []), fe.execute('p1', 1), fe.sync(),
			]);
			await t.w(w, 'execute p1 1 more', [fe.execute('p1', 1), fe.sync()]);
			await t.w(w, 'execute p1 rest', [fe.execute('p1', 0), fe.sync()]);
			await t.w(w, 'describe p1', [fe.describe('P', 'p1'), fe.sync()]);
			await t.w(w, 'close p1', [fe.close('P', 'p1'), fe.sync()]);
			await t.w(w, 'execute closed p1', [fe.execute('p1', 0), fe.sync()]);
			await t.w(w, 'rollback', fe.query('rollback'));
			await t.w(w, 'bind p2 in new txn', [fe.query('begin'), fe.parse('', 'select n from ext_rows order by n', []),
				fe.bind('p2', '', []), fe.execute('p2', 1), fe.sync()], { rounds: 2 });
			await t.w(w, 'commit', fe.query('commit'));
			await t.w(w, 'p2 gone after commit', [fe.execute('p2', 1), fe.sync()]);
		},
	},
	{
		name: 'errors skip to Sync; next Sync cycle works',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			await t.w(w, 'syntax error in Parse', [
				fe.parse('', 'selec 1', []), fe.bind('', '', []), fe.describe('P', ''), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'after it', [fe.parse('', 'select 1 as ok', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'unknown table in Parse', [fe.parse('', 'select * from ext_nope', []), fe.sync()]);
			await t.w(w, 'unknown column in Parse', [fe.parse('', 'select no_such_col from ext_t', []), fe.sync()]);
			// Not 1/$1: PostgreSQL folds constants at Bind and would fail there.
			await t.w(w, 'error at Execute', [
				fe.parse('', 'select 1 / (id - $1::int) from ext_t where id = 1', []), fe.bind('', '', ['1']), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'wrong parameter count', [
				fe.parse('', 'select $1::int + $2::int', []), fe.bind('', '', ['1']), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'multiple commands in Parse', [fe.parse('', 'select 1; select 2', []), fe.sync()]);
			await t.w(w, 'unique violation at Execute', [
				fe.parse('', 'insert into ext_t (id, name) values ($1, $2)', []), fe.bind('', '', ['1', 'dup']),
				fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'fine again', [fe.parse('', 'select count(*) from ext_t', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
		},
	},
	{
		name: 'pipeline: three Sync segments, the middle one fails',
		async run(t) {
			const w = await t.wire();
			await setup(t, w);
			await t.w(w, 'pipeline', [
				fe.parse('', 'select name from ext_t where id = $1', []), fe.bind('', '', ['1']), fe.execute('', 0), fe.sync(),
				fe.parse('', 'select 1 / (id - 1) from ext_t where id = 1', []), fe.bind('', '', []), fe.execute('', 0), fe.sync(),
				fe.parse('', 'select name from ext_t where id = $1', []), fe.bind('', '', ['2']), fe.execute('', 0), fe.sync(),
			], { rounds: 3 });
		},
	},
	{
		name: 'pipeline without Sync between: error skips the rest, one implicit transaction',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'create', fe.query('drop table if exists ext_implicit; create table ext_implicit (id int primary key)'), { record: false });
			await t.w(w, 'insert, dup insert, insert, sync', [
				fe.parse('', 'insert into ext_implicit values ($1)', []),
				fe.bind('', '', ['1']), fe.execute('', 0),
				fe.bind('', '', ['1']), fe.execute('', 0),
				fe.bind('', '', ['2']), fe.execute('', 0),
				fe.sync(),
			]);
			await t.w(w, 'first insert rolled back too', fe.query('select count(*) from ext_implicit'));
			await t.w(w, 'two inserts, sync: both kept', [
				fe.parse('', 'insert into ext_implicit values ($1)', []),
				fe.bind('', '', ['1']), fe.execute('', 0), fe.bind('', '', ['2']), fe.execute('', 0), fe.sync(),
			]);
			await t.w(w, 'count', fe.query('select count(*) from ext_implicit'));
		},
	},
	{
		name: 'empty query and Sync alone in the extended protocol',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'empty statement', [fe.parse('', '', []), fe.bind('', '', []), fe.describe('P', ''), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'sync alone', fe.sync());
			await t.w(w, 'flush alone then sync', [fe.flush(), fe.sync()]);
		},
	},
	{
		name: 'transaction status through the extended protocol',
		async run(t) {
			const w = await t.wire();
			await t.w(w, 'begin', [fe.parse('', 'begin', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'error', [fe.parse('', 'select * from ext_no_such_table', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'aborted', [fe.parse('', 'select 1', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
			await t.w(w, 'rollback', [fe.parse('', 'rollback', []), fe.bind('', '', []), fe.execute('', 0), fe.sync()]);
		},
	},
];
