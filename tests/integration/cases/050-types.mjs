// Every supported type: text output, binary output (exact bytes), binary
// input round trip, RowDescription (OID, length, typmod) and
// ParameterDescription — through a cast and through a table column (stored and
// read back). One case per type so progress shows per type.
import { fe } from '../lib/wire.mjs';

export const cleanup = 'drop table if exists ' + [
	'int2', 'int4', 'int8', 'float4', 'float8', 'bool', 'text', 'varchar', 'bpchar', 'bytea', 'uuid', 'date',
	'time', 'timestamp', 'timestamptz', 'numeric', 'numeric_10_2', 'json', 'jsonb',
].map((n) => 'ty_' + n).join(', ');

// [case label, type as written in SQL, table-name suffix, input literals]
const MATRIX = [
	['int2', 'int2', 'int2', ['0', '1', '-32768', '32767', ' 42 ']],
	['int4', 'int4', 'int4', ['0', '42', '-2147483648', '2147483647']],
	['int8', 'int8', 'int8', ['0', '-9223372036854775808', '9223372036854775807', '9007199254740993']],
	['float4 (real)', 'real', 'float4', ['0', '1.5', '-0.1', '3.4028235e38', '1e-45', '123456.7', '16777217', 'NaN', 'Infinity', '-Infinity', '-0']],
	['float8 (double precision)', 'double precision', 'float8',
		['0', '0.1', '-1.5e300', '5e-324', '3.141592653589793', '12345678901234567', '1e15', '1e16', '100', 'NaN', 'Infinity', '-Infinity', '-0']],
	['bool', 'boolean', 'bool', ['true', 'false', 't', 'no', 'on', '1']],
	['text', 'text', 'text', ['', 'hello', 'héllo ✓ 日本 😀', 'tab\tnew\nline', "quote'\"\\"]],
	['varchar(10)', 'varchar(10)', 'varchar', ['', 'abc', 'abcdefghij', 'trailing  ']],
	['char(3)', 'char(3)', 'bpchar', ['a', 'abc', '', 'ab ']],
	['bytea', 'bytea', 'bytea', ['\\x', '\\x00ff10', 'abc', '\\x' + '00'.repeat(3) + 'deadbeef', 'a\\\\b']],
	['uuid', 'uuid', 'uuid', ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '00000000-0000-0000-0000-000000000000', 'A0EEBC999C0B4EF8BB6D6BB9BD380A11', 'ffffffff-ffff-ffff-ffff-ffffffffffff']],
	['date', 'date', 'date', ['2026-04-23', '2000-01-01', '1999-12-31', '1970-01-01', '2000-02-29', '0001-01-01', '9999-12-31', '4713-01-01 BC', 'infinity', '-infinity']],
	['time', 'time', 'time', ['00:00:00', '10:00:00.5', '23:59:59.999999', '12:34:56.123456', '24:00:00']],
	['timestamp', 'timestamp', 'timestamp', ['2026-04-23 10:00:00', '2026-04-23 10:00:00.123456', '2000-01-01 00:00:00', '1999-12-31 23:59:59.999999',
		'1970-01-01 00:00:00', '0001-01-01 00:00:00', '2026-04-23T10:00:00.5', 'infinity', '-infinity']],
	['timestamptz', 'timestamptz', 'timestamptz', ['2026-04-23 10:00:00.123+00', '2026-04-23 10:00:00+02', '2026-04-23T10:00:00Z',
		'2000-01-01 00:00:00+00', '1969-07-20 20:17:40.1-05', '2026-04-23 10:00:00', 'infinity']],
	['numeric', 'numeric', 'numeric', ['0', '1.50', '-1.50', '12345678901234567890.123456789', '0.000001', '100000', '10000', '9999.9999',
		'1.0000', '-0.5', '1e-20', '123.456e10', 'NaN', 'Infinity', '-Infinity', '0.00']],
	['numeric(10,2)', 'numeric(10,2)', 'numeric_10_2', ['1.5', '-99999999.99', '0', '1.005', '12.344']],
	['json', 'json', 'json', ['{"b": 1,  "a": [1, 2]}', '[]', '"x"', 'null', '1.50', '{"a":1,"a":2}', ' {"k": "é\\u00e9"} ']],
	['jsonb', 'jsonb', 'jsonb', ['{"b": 1,  "a": [1, 2]}', '[]', '"x"', 'null', '1.50', '{"a":1,"a":2}', ' {"k": "é\\u00e9"} ', '1e3', '{"n": 1.0e2}']],
];

function firstError(msgs) {
	const e = msgs.find((m) => m.type === 'ErrorResponse');
	return e ? { error: e.code, message: e.message } : null;
}
function dataValue(msgs) {
	const e = firstError(msgs);
	if (e) return e;
	const d = msgs.find((m) => m.type === 'DataRow');
	return d ? d.values[0] : 'no row';
}
function binBytes(v) {
	return typeof v === 'string' && v.startsWith('bin:') ? Buffer.from(v.slice(4), 'hex') : null;
}

async function runType(t, [, type, suffix, values]) {
	const w = await t.wire();
	const table = 'ty_' + suffix;
	const round = (bufs) => t.w(w, '', [...bufs, fe.sync()], { record: false });

	// Through a cast.
	const desc = await round([fe.parse('', `select $1::${type} as v`, []), fe.describe('S', '')]);
	t.note('describe select $1::' + type, desc.filter((m) => m.type !== 'ParseComplete' && m.type !== 'ReadyForQuery'));
	const cast = [];
	for (const v of values) {
		const text = dataValue(await round([fe.bind('', '', [v], [], [0]), fe.execute('', 0)]));
		const bin = dataValue(await round([fe.bind('', '', [v], [], [1]), fe.execute('', 0)]));
		const row = { in: v, text, binary: bin };
		const bytes = binBytes(bin);
		if (bytes) {
			// Send the server's own binary encoding back as a binary parameter.
			row.binaryIn = {
				text: dataValue(await round([fe.bind('', '', [bytes], [1], [0]), fe.execute('', 0)])),
				binary: dataValue(await round([fe.bind('', '', [bytes], [1], [1]), fe.execute('', 0)])),
			};
		}
		cast.push(row);
	}
	t.note('values through a cast', cast);

	// Through a table column: stored, then read back in both formats.
	const ddl = await t.w(w, '', fe.query(`drop table if exists ${table}; create table ${table} (id int primary key, v ${type})`), { record: false });
	if (firstError(ddl)) throw new Error(`create ${table}: ${JSON.stringify(firstError(ddl))}`);
	const ins = await round([fe.parse('ins', `insert into ${table} (id, v) values ($1, $2)`, []), fe.describe('S', 'ins')]);
	t.note('describe insert', ins.filter((m) => m.type === 'ParameterDescription' || m.type === 'ErrorResponse'));
	const stored = [];
	for (let i = 0; i < values.length; i++) {
		const r = await round([fe.bind('', 'ins', [String(i), values[i]]), fe.execute('', 0)]);
		if (firstError(r)) stored.push({ in: values[i], insert: firstError(r) });
	}
	await round([fe.bind('', 'ins', [String(values.length), null]), fe.execute('', 0)]);
	if (stored.length) t.note('insert errors', stored);
	const sel = (fmt) => round([fe.parse('', `select id, v from ${table} order by id`, []), fe.bind('', '', [], [], [0, fmt]),
		fe.describe('P', ''), fe.execute('', 0)]);
	const textRows = await sel(0);
	const binRows = await sel(1);
	t.note('select from table: RowDescription', textRows.filter((m) => m.type === 'RowDescription'));
	const binById = new Map(binRows.filter((m) => m.type === 'DataRow').map((m) => [m.values[0], m.values[1]]));
	const rows = textRows.filter((m) => m.type === 'DataRow').map((m) => ({ id: Number(m.values[0]), text: m.values[1], binary: binById.has(m.values[0]) ? binById.get(m.values[0]) : 'missing' }));
	t.note('stored values', rows);

	// Binary input into the column, read back as text.
	const binIns = [];
	for (const r of rows) {
		const bytes = binBytes(r.binary);
		if (!bytes) continue;
		const res = await round([fe.bind('', 'ins', [String(1000 + r.id), bytes], [0, 1]), fe.execute('', 0)]);
		binIns.push(firstError(res) || 'ok');
	}
	const back = await t.w(w, '', fe.query(`select id - 1000 as id, v from ${table} where id >= 1000 order by id`), { record: false });
	t.note('binary insert, text select', { inserts: binIns, rows: back.filter((m) => m.type === 'DataRow').map((m) => m.values) });
	await t.w(w, '', fe.query(`drop table ${table}`), { record: false });
}

export const cases = MATRIX.map((entry) => ({
	name: entry[0],
	run: (t) => runType(t, entry),
}));
