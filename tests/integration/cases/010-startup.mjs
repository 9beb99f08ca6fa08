// Connection startup: ParameterStatus, BackendKeyData, startup options applied
// as SET, unknown database, SSL/GSS negotiation, protocol version negotiation.
import { fe, GSSENC_REQUEST_CODE, SSL_REQUEST_CODE } from '../lib/wire.mjs';

// Startup messages -> {sequence of message types (runs collapsed), parameters
// sorted by name, masks for the volatile ones}. Clients do not depend on the
// order of ParameterStatus messages, only on their values.
function startupSummary(t, msgs) {
	const seq = [];
	for (const m of msgs) if (seq[seq.length - 1] !== m.type) seq.push(m.type);
	const params = {};
	for (const m of msgs.filter((x) => x.type === 'ParameterStatus').sort((a, b) => (a.name < b.name ? -1 : 1))) {
		params[m.name] = m.value;
	}
	const key = msgs.find((m) => m.type === 'BackendKeyData');
	const out = {
		sequence: seq,
		auth: msgs.filter((m) => m.type === 'Authentication').map((m) => m.code),
		parameters: params,
		backendKey: key ? { pid: key.pid, key: key.key } : null,
		ready: msgs.filter((m) => m.type === 'ReadyForQuery').map((m) => m.status),
	};
	if (params.server_version) t.mask(out, 'parameters.server_version', 'pg15Version');
	if (key) {
		t.mask(out, 'backendKey.pid', 'int32');
		t.mask(out, 'backendKey.key', 'int32');
	}
	return out;
}

export const cases = [
	{
		name: 'ParameterStatus values at startup (raw protocol)',
		async run(t) {
			const w = await t.wire({ application_name: 'lg-startup', client_encoding: 'UTF8' }, { startup: false });
			const msgs = await w.startup({ user: t.target.user, database: t.target.database, application_name: 'lg-startup', client_encoding: 'UTF8' });
			t.note('startup', startupSummary(t, msgs));
			t.note('simple query after startup', await t.w(w, 'select 1', fe.query('select 1 as one'), { record: false }));
		},
	},
	{
		name: 'startup without application_name or client_encoding',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			const msgs = await w.startup({ user: t.target.user, database: t.target.database });
			const s = startupSummary(t, msgs);
			t.note('reported', {
				application_name: s.parameters.application_name,
				client_encoding: s.parameters.client_encoding,
				names: Object.keys(s.parameters),
			});
		},
	},
	{
		name: 'database omitted defaults to the user name',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			const msgs = await w.startup({ user: t.target.user });
			t.note('ready', msgs.filter((m) => m.type === 'ReadyForQuery' || m.type === 'ErrorResponse'));
			await t.w(w, 'current_database()', fe.query('select current_database(), current_user'));
		},
	},
	{
		name: 'node-postgres sees server parameters',
		async run(t) {
			const c = await t.pg({ application_name: 'lg-pg-app' });
			const p = c.serverParameters;
			const keys = ['application_name', 'client_encoding', 'DateStyle', 'integer_datetimes',
				'server_encoding', 'standard_conforming_strings', 'TimeZone', 'IntervalStyle', 'is_superuser',
				'session_authorization', 'default_transaction_read_only', 'in_hot_standby'];
			const seen = {};
			for (const k of keys) seen[k] = p[k] ?? null;
			t.note('parameters', seen);
			t.note('processID is an int32', Number.isInteger(c.processID) && c.processID !== 0);
			await t.q(c, 'show application_name');
			await t.q(c, 'select current_setting(\'application_name\') as app');
		},
	},
	{
		name: 'options -c search_path / statement_timeout applied as SET',
		async run(t) {
			const c = await t.pg({ options: '-c search_path=public -c statement_timeout=5000 -c DateStyle=ISO,DMY' });
			await t.q(c, 'show search_path');
			await t.q(c, 'show statement_timeout');
			await t.q(c, 'show datestyle');
			await t.q(c, "select current_setting('statement_timeout') as st, current_setting('search_path') as sp");
		},
	},
	{
		name: 'options --name=value form and escaped spaces',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			const msgs = await w.startup({
				user: t.target.user, database: t.target.database,
				options: '--search_path=public --application_name=my\\ app',
			});
			t.note('application_name reported', msgs.filter((m) => m.type === 'ParameterStatus' && m.name === 'application_name').map((m) => m.value));
			await t.w(w, 'show', fe.query('show search_path; show application_name'));
		},
	},
	{
		name: 'GUCs as plain startup parameters (postgres.js connection option)',
		async run(t) {
			const sql = t.pgjs({ connection: { application_name: 'lg-pgjs', search_path: 'public', statement_timeout: '7000' } });
			await t.pj('show application_name', sql`show application_name`);
			await t.pj('show search_path', sql`show search_path`);
			await t.pj('show statement_timeout', sql`show statement_timeout`);
		},
	},
	{
		name: 'postgres.js reports parameters',
		async run(t) {
			const sql = t.pgjs();
			await t.pj('select 1', sql`select 1 as x`);
			const p = sql.parameters || {};
			const seen = {
				client_encoding: p.client_encoding, DateStyle: p.DateStyle, integer_datetimes: p.integer_datetimes,
				server_encoding: p.server_encoding, standard_conforming_strings: p.standard_conforming_strings,
				TimeZone: p.TimeZone, server_version: p.server_version,
			};
			t.mask(seen, 'server_version', 'pg15Version');
			t.note('parameters', seen);
		},
	},
	{
		name: 'unknown database is FATAL 3D000 (raw protocol)',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			const msgs = await w.startup({ user: t.target.user, database: 'no_such_db' });
			t.note('startup', msgs);
			t.note('then', (await w.drain(5000)).map((m) => m.type));
		},
	},
	{
		name: 'unknown database is FATAL 3D000 (node-postgres)',
		async run(t) {
			try {
				await t.pg({ database: 'no_such_db' });
				t.note('connect', 'connected?!');
			} catch (e) {
				t.note('connect', { severity: e.severity, code: e.code, message: e.message });
			}
		},
	},
	{
		name: 'SSLRequest without TLS configured answers N, then startup works',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			t.note('answer', await w.requestByte(SSL_REQUEST_CODE));
			const msgs = await w.startup({ user: t.target.user, database: t.target.database });
			t.note('ready', msgs.filter((m) => m.type === 'ReadyForQuery'));
		},
	},
	{
		name: 'GSSENCRequest answers N, then startup works',
		litegresOnly: {
			reason: "Debian's PostgreSQL 15 is built with GSSAPI and answers 'G'; litegres has no GSSAPI and must answer 'N' like a server built without it",
			expected: [
				{ step: 'answer', result: { type: 'Byte', value: 'N' } },
				{ step: 'ready', result: [{ type: 'ReadyForQuery', status: 'I' }] },
			],
		},
		async run(t) {
			const w = await t.wire({}, { startup: false });
			t.note('answer', await w.requestByte(GSSENC_REQUEST_CODE));
			const msgs = await w.startup({ user: t.target.user, database: t.target.database });
			t.note('ready', msgs.filter((m) => m.type === 'ReadyForQuery'));
		},
	},
	{
		name: 'protocol 3.5 with _pq_ option: NegotiateProtocolVersion',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			const msgs = await w.startup({ user: t.target.user, database: t.target.database, '_pq_.lg_test': 'x' }, (3 << 16) | 5);
			t.note('negotiation', msgs.filter((m) => m.type === 'NegotiateProtocolVersion' || m.type === 'ReadyForQuery' || m.type === 'ErrorResponse'));
		},
	},
	{
		// PostgreSQL answers a 2.0 client in the 2.0 format (an unframed
		// error text); a v3 ErrorResponse is as good. Only the close counts.
		name: 'protocol 2.0 is rejected and the connection closed',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			await w.send(fe.startup({ user: t.target.user, database: t.target.database }, 2 << 16));
			const msgs = await w.drain(5000);
			t.note('ends with', msgs[msgs.length - 1].type);
			t.note('never ready', !msgs.some((m) => m.type === 'ReadyForQuery'));
		},
	},
	{
		name: 'Terminate closes the connection',
		async run(t) {
			const w = await t.wire();
			await w.send(fe.terminate());
			t.note('after Terminate', (await w.drain(5000)).map((m) => m.type));
		},
	},
];
