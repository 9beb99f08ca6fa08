// pg_catalog.pg_type / pg_namespace / pg_range as drivers and psql read
// them: lookups by OID and by name, joins, array types, aggregates, the
// RowDescription of catalog columns (table OID, attnum, types such as name,
// "char", regproc). Restricted to the types litegres has, so PostgreSQL 15
// and litegres can agree row for row.

// Every type litegres knows (catalog/types.def).
const KNOWN = [
	'bool', 'bytea', 'char', 'name', 'int8', 'int2', 'int4', 'regproc', 'text', 'oid', 'json',
	'float4', 'float8', 'unknown', 'bpchar', 'varchar', 'date', 'time', 'timestamp', 'timestamptz',
	'interval', 'timetz', 'numeric', 'regclass', 'regtype', 'record', 'void', 'uuid', 'jsonb',
	'_bool', '_bytea', '_char', '_name', '_int2', '_int4', '_text', '_bpchar', '_varchar', '_int8',
	'_float4', '_float8', '_oid', '_timestamp', '_date', '_time', '_timestamptz', '_interval',
	'_numeric', '_uuid', '_json', '_jsonb',
];
const IN_KNOWN = `(${KNOWN.map((n) => `'${n}'`).join(', ')})`;

export const cases = [
	{
		name: 'pg_type by oid and by name',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'select oid, typname, typlen, typbyval, typtype, typcategory, typelem, typarray ' +
				'from pg_type where oid in (16, 23, 25, 1043, 1184, 1007, 2950) order by oid');
			await t.q(c, "select oid, typname from pg_type where typname = 'int4'");
			await t.q(c, "select oid, typname from pg_catalog.pg_type where typname = 'varchar'");
			await t.q(c, 'select typname, typarray from pg_type where oid = $1', [1043]);
			await t.q(c, "select typname from pg_type where typname = 'no_such_type'");
		},
	},
	{
		name: 'pg_type support functions print as names (regproc)',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'select typname, typinput, typoutput, typreceive, typsend, typmodin, typmodout, ' +
				"typanalyze, typsubscript from pg_type where typname in ('int4', 'varchar', '_int4', 'name', " +
				"'jsonb', 'timestamptz') order by oid");
		},
	},
	{
		name: 'join with pg_namespace',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'select n.nspname, t.typname from pg_catalog.pg_type t ' +
				'join pg_catalog.pg_namespace n on n.oid = t.typnamespace ' +
				"where t.typname in ('int4', 'text', 'uuid') order by t.typname");
			await t.q(c, 'select oid, nspname, nspowner from pg_namespace ' +
				"where nspname in ('pg_catalog', 'public', 'information_schema', 'pg_toast') order by oid");
			await t.q(c, "select count(*) from pg_type t, pg_namespace n where n.oid = t.typnamespace and n.nspname = 'pg_catalog' " +
				`and t.typname in ${IN_KNOWN}`);
		},
	},
	{
		name: 'array types and their elements',
		async run(t) {
			const c = await t.pg();
			await t.q(c, 'select a.typname, e.typname as elem, a.typdelim, a.typalign, a.typstorage ' +
				'from pg_type a join pg_type e on e.oid = a.typelem ' +
				"where a.typcategory = 'A' and e.typname in ('int4', 'text', 'varchar', 'timestamptz', 'jsonb', 'numeric') " +
				'order by a.typname');
			await t.q(c, 'select e.typname, a.typname as array from pg_type e left join pg_type a on a.oid = e.typarray ' +
				"where e.typname in ('bool', 'float8', 'uuid', 'date') order by e.oid");
		},
	},
	{
		name: 'categories: group by, count, preferred types',
		async run(t) {
			const c = await t.pg();
			await t.q(c, `select typcategory, count(*) as n from pg_type where typname in ${IN_KNOWN} ` +
				'group by typcategory order by typcategory');
			await t.q(c, `select typname from pg_type where typispreferred and typname in ${IN_KNOWN} order by typname`);
			await t.q(c, `select typtype, count(*) from pg_type where typname in ${IN_KNOWN} group by typtype order by 1`);
		},
	},
	{
		name: 'pg_range columns',
		async run(t) {
			const c = await t.pg();
			// litegres has no range types: compare the shape, not the rows.
			await t.q(c, "select rngtypid, rngsubtype, rngcanonical, rngsubdiff from pg_range where rngtypid = 0");
		},
	},
	{
		name: 'postgres.js: catalog lookups with parameters',
		async run(t) {
			const sql = t.pgjs();
			await t.pj('typname by oid', sql`select typname, typcategory from pg_type where oid = ${23}`);
			await t.pj('oid by typname', sql`select oid from pg_catalog.pg_type where typname = ${'timestamptz'}`);
		},
	},
];
