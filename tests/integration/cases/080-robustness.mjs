// Malformed and hostile input on a raw socket, CancelRequest and
// statement_timeout. Protocol errors are compared by SQLSTATE and severity
// only (wording is the server's own); PostgreSQL closes some broken
// connections without any message, so "08P01 or nothing, then closed" is the
// explicit rule there. Never a hang, never a crash: each case ends by proving
// the server still answers.
import { fe, Wire } from '../lib/wire.mjs';

export const cleanup = 'drop table if exists rb_big cascade';

// Messages -> [{severity, code}] for errors, 'Closed', other types by name.
function codesOnly(msgs) {
	return msgs.map((m) => (m.type === 'ErrorResponse' ? { error: m.code, severity: m.severity } : m.type));
}

// The rule for "the server may send FATAL 08P01 or nothing, but must close".
function closedWith08P01OrNothing(msgs) {
	const errs = msgs.filter((m) => m.type === 'ErrorResponse');
	const last = msgs[msgs.length - 1];
	const ok = last && last.type === 'Closed' &&
		errs.every((e) => e.code === '08P01' && e.severity === 'FATAL') && errs.length <= 1 &&
		msgs.every((m) => m.type === 'ErrorResponse' || m.type === 'Closed' || m.type === 'NoticeResponse');
	return ok ? 'closed, with FATAL 08P01 or no message' : { unexpected: codesOnly(msgs) };
}

async function serverAlive(t) {
	const w = await t.wire();
	const r = await t.w(w, '', fe.query('select 1 as alive'), { record: false });
	t.note('server still answers', r.some((m) => m.type === 'DataRow' && m.values[0] === '1'));
}

async function afterStartup(t, bufs, label) {
	const w = await t.wire();
	await w.send(bufs);
	t.note(label, closedWith08P01OrNothing(await w.drain(5000)));
	await serverAlive(t);
}

async function beforeStartup(t, bytes, label) {
	const w = await t.wire({}, { startup: false });
	await w.send(bytes);
	t.note(label, closedWith08P01OrNothing(await w.drain(5000)));
	await serverAlive(t);
}

function i32(n) {
	const b = Buffer.alloc(4);
	b.writeInt32BE(n);
	return b;
}

// A table big enough that a 3-way cross join runs for minutes on any engine.
async function bigTable(t, w) {
	const values = Array.from({ length: 2000 }, (_, i) => `(${i})`).join(',');
	const r = await t.w(w, '', fe.query(`drop table if exists rb_big; create table rb_big (n int); insert into rb_big values ${values}`), { record: false });
	if (r.some((m) => m.type === 'ErrorResponse')) throw new Error('rb_big setup failed');
}
const LONG_QUERY = 'select count(*) from rb_big a, rb_big b, rb_big c';

async function sendCancel(t, pid, key) {
	const c = await Wire.open(t.target.host, t.target.port);
	t.resources.push(() => c.close());
	await c.send(fe.cancel(pid, key));
	// The server answers a CancelRequest by closing the connection, silently.
	return codesOnly(await c.drain(5000));
}

export const cases = [
	{
		name: 'unknown message type after startup: FATAL 08P01 and close',
		async run(t) {
			const w = await t.wire();
			await w.send(fe.raw('Y', Buffer.alloc(0)));
			t.note('reply', codesOnly(await w.drain(5000)));
			await serverAlive(t);
		},
	},
	{
		name: 'message length below 4',
		run: (t) => afterStartup(t, Buffer.from([0x51, 0, 0, 0, 2]), 'Query with length 2'),
	},
	{
		name: 'message length 2^31-1 (oversized)',
		run: (t) => afterStartup(t, Buffer.from([0x51, 0x7f, 0xff, 0xff, 0xff]), 'Query claiming 2 GB'),
	},
	{
		name: 'message length just over 1 GB, body never sent',
		run: (t) => afterStartup(t, Buffer.from([0x51, 0x40, 0, 0, 0x10, 0x73]), 'Query claiming 1 GB + 16'),
	},
	{
		name: 'startup packet too long',
		run: (t) => beforeStartup(t, Buffer.concat([i32(20000), i32(196608)]), 'startup length 20000'),
	},
	{
		name: 'startup packet length 3',
		run: (t) => beforeStartup(t, Buffer.from([0, 0, 0, 3]), 'startup length 3'),
	},
	{
		name: 'HTTP request instead of a startup packet',
		run: (t) => beforeStartup(t, Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'), 'HTTP GET'),
	},
	{
		name: 'startup packet without a user: FATAL 28000',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			await w.send(fe.startup({ database: 'postgres' }));
			t.note('reply', codesOnly(await w.drain(5000)));
			await serverAlive(t);
		},
	},
	{
		name: 'startup packet without the final terminator: FATAL 08P01',
		async run(t) {
			const w = await t.wire({}, { startup: false });
			const body = Buffer.concat([i32(196608), Buffer.from('user\0postgres\0')]);
			await w.send(Buffer.concat([i32(body.length + 4), body]));
			t.note('reply', codesOnly(await w.drain(5000)));
			await serverAlive(t);
		},
	},
	{
		name: 'a second StartupMessage mid-session: FATAL 08P01',
		async run(t) {
			const w = await t.wire();
			await w.send(fe.startup({ user: t.target.user }));
			t.note('reply', codesOnly(await w.drain(5000)));
			await serverAlive(t);
		},
	},
	{
		name: 'malformed extended-protocol messages: ERROR 08P01, session continues',
		async run(t) {
			const w = await t.wire();
			const step = async (label) => t.note(label, codesOnly(await w.until(undefined, 5000)));
			await w.send([fe.parse('', 'select 1', []), fe.raw('B', Buffer.from([0, 0, 0x7f, 0xff])), fe.sync()]);
			await step('Bind with counts beyond its length');
			await w.send([fe.raw('P', Buffer.from('abc')), fe.sync()]);
			await step('Parse without string terminator');
			await w.send([fe.raw('D', Buffer.from('X\0')), fe.sync()]);
			await step('Describe with kind X');
			await w.send([fe.raw('E', Buffer.from('\0')), fe.sync()]);
			await step('Execute missing its row count');
			await w.send([fe.raw('C', Buffer.from('Z\0')), fe.sync()]);
			await step('Close with kind Z');
			await w.send(fe.raw('Q', Buffer.from('select 1')));
			await step('Query without string terminator');
			await w.send(fe.query('select 2 as fine'));
			t.note('then', codesOnly(await w.until(undefined, 5000)));
		},
	},
	{
		name: 'client sends half a message and disconnects; server unaffected',
		async run(t) {
			const w = await t.wire();
			await w.send(Buffer.from([0x51, 0, 0, 0, 100, 0x73, 0x65]));
			w.socket.destroy();
			const w2 = await t.wire();
			await w2.send(Buffer.concat([fe.parse('', 'select 1', []).subarray(0, 7)]));
			w2.socket.destroy();
			await t.sleep(100);
			await serverAlive(t);
		},
	},
	{
		name: 'CancelRequest stops a long query with 57014',
		timeout: 60000,
		async run(t) {
			const w = await t.wire();
			await bigTable(t, w);
			await t.w(w, 'safety net', fe.query("set statement_timeout = '20s'"), { record: false });
			await w.send(fe.query(LONG_QUERY));
			await t.sleep(500);
			t.note('cancel connection', await sendCancel(t, w.pid, w.key));
			t.note('long query', await t.w(w, '', [], { rounds: 1, timeoutMs: 30000, record: false }));
			await t.w(w, 'session continues', fe.query('select 1 as after_cancel'));
		},
	},
	{
		name: 'CancelRequest with a wrong key is ignored',
		timeout: 60000,
		async run(t) {
			const w = await t.wire();
			await bigTable(t, w);
			await t.w(w, 'timeout 1.5s', fe.query("set statement_timeout = '1500ms'"));
			await w.send(fe.query(LONG_QUERY));
			await t.sleep(300);
			t.note('cancel connection', await sendCancel(t, w.pid, w.key + 1));
			// Still running after the bogus cancel: it ends by the timeout.
			t.note('long query', await t.w(w, '', [], { rounds: 1, timeoutMs: 30000, record: false }));
		},
	},
	{
		name: 'CancelRequest while idle does nothing',
		async run(t) {
			const w = await t.wire();
			t.note('cancel connection', await sendCancel(t, w.pid, w.key));
			await t.sleep(100);
			await t.w(w, 'next query', fe.query('select 1 as ok'));
		},
	},
	{
		name: 'statement_timeout cancels with 57014',
		timeout: 60000,
		async run(t) {
			const w = await t.wire();
			await bigTable(t, w);
			await t.w(w, 'set', fe.query("set statement_timeout = '300ms'"));
			await t.w(w, 'long query', fe.query(LONG_QUERY), { timeoutMs: 30000 });
			await t.w(w, 'reset', fe.query('reset statement_timeout; select 1 as ok'));
			await t.w(w, 'in a transaction', fe.query(`begin; set local statement_timeout = '300ms'; ${LONG_QUERY}`), { timeoutMs: 30000 });
			await t.w(w, 'aborted', fe.query('select 1'));
			await t.w(w, 'rollback', fe.query('rollback'));
		},
	},
	{
		name: 'statement_timeout from startup options, extended protocol',
		timeout: 60000,
		async run(t) {
			const w0 = await t.wire();
			await bigTable(t, w0);
			const c = await t.pg({ options: '-c statement_timeout=300' });
			await t.q(c, 'show statement_timeout');
			await t.q(c, `${LONG_QUERY} where a.n > $1`, [-1]);
			await t.q(c, 'select $1::int as ok', [1]);
		},
	},
];
