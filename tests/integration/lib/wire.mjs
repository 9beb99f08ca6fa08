// A raw PostgreSQL v3 protocol client for tests that must see every message:
// exact message sequences, ReadyForQuery status, PortalSuspended, binary
// values as bytes, malformed input. Backend messages are decoded into small
// JSON-able objects so a case can record them and compare with PostgreSQL's.
import net from 'node:net';

const PROTOCOL_3 = 196608;
export const CANCEL_REQUEST_CODE = 80877102;
export const SSL_REQUEST_CODE = 80877103;
export const GSSENC_REQUEST_CODE = 80877104;

// ErrorResponse / NoticeResponse field codes we keep. F, L, R (PostgreSQL's
// source file, line and function) are left out: they name PG's C code.
const ERROR_FIELDS = {
	V: 'severity', C: 'code', M: 'message', D: 'detail', H: 'hint',
	P: 'position', p: 'internalPosition', q: 'internalQuery', W: 'where',
	s: 'schema', t: 'table', c: 'column', d: 'dataType', n: 'constraint',
};
export const ERROR_FIELD_ORDER = Object.values(ERROR_FIELDS);

// ---- frontend message builders (each returns a Buffer) ----

function cstr(s) {
	return Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
}
function i16(n) {
	const b = Buffer.alloc(2);
	b.writeInt16BE(n);
	return b;
}
function i32(n) {
	const b = Buffer.alloc(4);
	b.writeInt32BE(n);
	return b;
}
function u32(n) {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(n >>> 0);
	return b;
}
function typed(type, body) {
	return Buffer.concat([Buffer.from(type, 'latin1'), i32(body.length + 4), body]);
}
// A parameter or value: null, Buffer (sent as is) or string (UTF-8).
function value(v) {
	if (v === null || v === undefined) return i32(-1);
	const b = Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
	return Buffer.concat([i32(b.length), b]);
}

export const fe = {
	startup(params, version = PROTOCOL_3) {
		const parts = [];
		for (const [k, v] of Object.entries(params)) {
			if (v !== undefined && v !== null) parts.push(cstr(k), cstr(String(v)));
		}
		const body = Buffer.concat([i32(version), ...parts, Buffer.from([0])]);
		return Buffer.concat([i32(body.length + 4), body]);
	},
	cancel(pid, key) {
		return Buffer.concat([i32(16), i32(CANCEL_REQUEST_CODE), i32(pid), i32(key)]);
	},
	sslRequest() {
		return Buffer.concat([i32(8), i32(SSL_REQUEST_CODE)]);
	},
	query(sql) {
		return typed('Q', cstr(sql));
	},
	parse(name, sql, oids = []) {
		return typed('P', Buffer.concat([cstr(name), cstr(sql), i16(oids.length), ...oids.map(u32)]));
	},
	// formats: per-parameter format codes (0 text, 1 binary) or [] / [code].
	bind(portal, stmt, values = [], paramFormats = [], resultFormats = []) {
		return typed('B', Buffer.concat([
			cstr(portal), cstr(stmt),
			i16(paramFormats.length), ...paramFormats.map(i16),
			i16(values.length), ...values.map(value),
			i16(resultFormats.length), ...resultFormats.map(i16),
		]));
	},
	describe(kind, name) {
		return typed('D', Buffer.concat([Buffer.from(kind, 'latin1'), cstr(name)]));
	},
	execute(portal, maxRows = 0) {
		return typed('E', Buffer.concat([cstr(portal), i32(maxRows)]));
	},
	close(kind, name) {
		return typed('C', Buffer.concat([Buffer.from(kind, 'latin1'), cstr(name)]));
	},
	sync() {
		return typed('S', Buffer.alloc(0));
	},
	flush() {
		return typed('H', Buffer.alloc(0));
	},
	terminate() {
		return typed('X', Buffer.alloc(0));
	},
	// Any type byte and body, for malformed-input tests.
	raw(type, body) {
		return typed(type, body);
	},
};

// ---- backend message decoding ----

function readCStrings(buf, off, end) {
	const out = [];
	while (off < end && buf[off] !== 0) {
		const z = buf.indexOf(0, off);
		out.push(buf.toString('utf8', off, z));
		off = z + 1;
	}
	return out;
}

export function decodeErrorFields(body) {
	const out = {};
	let off = 0;
	while (off < body.length && body[off] !== 0) {
		const code = String.fromCharCode(body[off]);
		const z = body.indexOf(0, off + 1);
		const v = body.toString('utf8', off + 1, z);
		off = z + 1;
		if (ERROR_FIELDS[code]) out[ERROR_FIELDS[code]] = v;
	}
	// Stable key order, whatever order the server sent them in.
	const sorted = {};
	for (const k of ERROR_FIELD_ORDER) if (k in out) sorted[k] = out[k];
	return sorted;
}

// Values: text format -> string; binary format -> "\\x<hex>" of the bytes.
function decodeDataRow(body, formats) {
	const n = body.readInt16BE(0);
	const vals = [];
	let off = 2;
	for (let i = 0; i < n; i++) {
		const len = body.readInt32BE(off);
		off += 4;
		if (len === -1) {
			vals.push(null);
			continue;
		}
		const raw = body.subarray(off, off + len);
		off += len;
		const fmt = formats.length === 0 ? 0 : formats.length === 1 ? formats[0] : formats[i];
		vals.push(fmt === 1 ? 'bin:' + raw.toString('hex') : raw.toString('utf8'));
	}
	return vals;
}

function decodeRowDescription(body) {
	const n = body.readInt16BE(0);
	const fields = [];
	let off = 2;
	for (let i = 0; i < n; i++) {
		const z = body.indexOf(0, off);
		const name = body.toString('utf8', off, z);
		off = z + 1;
		const table = body.readUInt32BE(off);
		const attnum = body.readInt16BE(off + 4);
		const type = body.readUInt32BE(off + 6);
		const len = body.readInt16BE(off + 10);
		const mod = body.readInt32BE(off + 12);
		const fmt = body.readInt16BE(off + 16);
		off += 18;
		fields.push({ name, table, attnum, type, len, mod, fmt });
	}
	return fields;
}

// Decodes one backend message. `formats` gives the result format codes of the
// portal whose rows are arriving (see Wire.resultFormats).
export function decodeBackend(type, body, formats = []) {
	switch (type) {
	case 'R': {
		const code = body.readInt32BE(0);
		return { type: 'Authentication', code };
	}
	case 'S': {
		const z = body.indexOf(0);
		const name = body.toString('utf8', 0, z);
		const val = body.toString('utf8', z + 1, body.indexOf(0, z + 1));
		return { type: 'ParameterStatus', name, value: val };
	}
	case 'K':
		return { type: 'BackendKeyData', pid: body.readInt32BE(0), key: body.readInt32BE(4) };
	case 'Z':
		return { type: 'ReadyForQuery', status: String.fromCharCode(body[0]) };
	case 'T':
		return { type: 'RowDescription', fields: decodeRowDescription(body) };
	case 'D':
		return { type: 'DataRow', values: decodeDataRow(body, formats) };
	case 'C':
		return { type: 'CommandComplete', tag: body.toString('utf8', 0, body.indexOf(0)) };
	case 'I':
		return { type: 'EmptyQueryResponse' };
	case 'E':
		return { type: 'ErrorResponse', ...decodeErrorFields(body) };
	case 'N':
		return { type: 'NoticeResponse', ...decodeErrorFields(body) };
	case '1':
		return { type: 'ParseComplete' };
	case '2':
		return { type: 'BindComplete' };
	case '3':
		return { type: 'CloseComplete' };
	case 'n':
		return { type: 'NoData' };
	case 's':
		return { type: 'PortalSuspended' };
	case 't': {
		const n = body.readInt16BE(0);
		const types = [];
		for (let i = 0; i < n; i++) types.push(body.readUInt32BE(2 + 4 * i));
		return { type: 'ParameterDescription', types };
	}
	case 'A': {
		const pid = body.readInt32BE(0);
		const [channel, payload] = readCStrings(body, 4, body.length);
		return { type: 'NotificationResponse', pid, channel, payload };
	}
	case 'v': {
		const version = body.readInt32BE(0); // (major << 16) | minor
		const n = body.readInt32BE(4);
		const options = readCStrings(body, 8, body.length).slice(0, n);
		return { type: 'NegotiateProtocolVersion', version: `${version >> 16}.${version & 0xffff}`, options };
	}
	case 'G': case 'H': case 'W':
		return { type: { G: 'CopyInResponse', H: 'CopyOutResponse', W: 'CopyBothResponse' }[type] };
	case 'd':
		return { type: 'CopyData', data: body.toString('utf8') };
	case 'c':
		return { type: 'CopyDone' };
	default:
		return { type: 'Unknown', byte: type, length: body.length };
	}
}

// ---- the connection ----

export class Wire {
	constructor(socket) {
		this.socket = socket;
		this.buf = Buffer.alloc(0);
		this.queue = [];        // decoded messages not yet taken
		this.waiters = [];
		this.closed = false;
		this.closeError = null;
		this.sent = [];
		this.startupDone = false;
		// Result formats per portal (set by bind) and the order of pending
		// Executes, so DataRows are decoded with their portal's formats.
		this.portalFormats = new Map();
		this.pendingFormats = [];
		this.simpleFormats = [];
		socket.on('data', (d) => this.onData(d));
		socket.on('close', () => {
			this.closed = true;
			this.wake();
		});
		socket.on('error', (e) => {
			this.closeError = e.code || e.message;
		});
	}

	// Opens a TCP connection; does not send anything.
	static open(host, port, timeoutMs = 10000) {
		return new Promise((resolve, reject) => {
			const s = net.connect({ host, port });
			const t = setTimeout(() => {
				s.destroy();
				reject(new Error(`connect timeout to ${host}:${port}`));
			}, timeoutMs);
			s.once('connect', () => {
				clearTimeout(t);
				s.setNoDelay(true);
				resolve(new Wire(s));
			});
			s.once('error', (e) => {
				clearTimeout(t);
				reject(e);
			});
		});
	}

	onData(d) {
		this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
		// SSLRequest / GSSENCRequest are answered by one unframed byte.
		if (this.wantByte && this.buf.length) {
			this.wantByte = false;
			this.queue.push({ type: 'Byte', value: String.fromCharCode(this.buf[0]) });
			this.buf = this.buf.subarray(1);
		}
		for (;;) {
			if (this.buf.length < 5) break;
			const type = String.fromCharCode(this.buf[0]);
			const len = this.buf.readInt32BE(1);
			if (len < 4) {
				this.queue.push({ type: 'Garbage', byte: type, length: len });
				this.buf = Buffer.alloc(0);
				break;
			}
			if (this.buf.length < 1 + len) break;
			const body = this.buf.subarray(5, 1 + len);
			this.buf = this.buf.subarray(1 + len);
			this.queue.push(this.decode(type, body));
		}
		this.wake();
	}

	decode(type, body) {
		let formats = this.simpleFormats;
		if (this.pendingFormats.length) formats = this.pendingFormats[0].formats;
		const m = decodeBackend(type, body, formats);
		// A portal's output ends with one of these; an error skips everything
		// up to Sync.
		if (['CommandComplete', 'PortalSuspended', 'EmptyQueryResponse'].includes(m.type)) {
			if (this.pendingFormats.length && this.pendingFormats[0].kind === 'execute') {
				this.pendingFormats.shift();
			}
		} else if (m.type === 'ErrorResponse') {
			while (this.pendingFormats.length && this.pendingFormats[0].kind === 'execute') {
				this.pendingFormats.shift();
			}
		} else if (m.type === 'ReadyForQuery') {
			while (this.pendingFormats.length && this.pendingFormats[0].kind === 'execute') {
				this.pendingFormats.shift();
			}
			if (this.pendingFormats.length) this.pendingFormats.shift(); // the sync marker
		}
		return m;
	}

	wake() {
		const w = this.waiters;
		this.waiters = [];
		for (const f of w) f();
	}

	// Sends one Buffer or an array of Buffers in a single write.
	send(bufs) {
		const list = Array.isArray(bufs) ? bufs : [bufs];
		for (const b of list) this.track(b);
		return new Promise((resolve) => {
			if (this.closed) return resolve(false);
			this.socket.write(Buffer.concat(list), (err) => resolve(!err));
		});
	}

	// Keeps the per-portal result formats in step with what was sent.
	// Malformed messages (robustness cases) are simply not tracked.
	track(b) {
		try {
			this.trackMessage(b);
		} catch {
			// not a well-formed message
		}
	}

	trackMessage(b) {
		if (b.length < 5) return;
		const type = String.fromCharCode(b[0]);
		if (type === 'B') {
			let off = 5;
			const portal = b.toString('utf8', off, b.indexOf(0, off));
			off = b.indexOf(0, off) + 1;
			off = b.indexOf(0, off) + 1;
			const nfmt = b.readInt16BE(off);
			off += 2 + 2 * nfmt;
			const nval = b.readInt16BE(off);
			off += 2;
			for (let i = 0; i < nval; i++) {
				const len = b.readInt32BE(off);
				off += 4 + (len > 0 ? len : 0);
			}
			const nres = b.readInt16BE(off);
			off += 2;
			const formats = [];
			for (let i = 0; i < nres; i++) formats.push(b.readInt16BE(off + 2 * i));
			this.portalFormats.set(portal, formats);
		} else if (type === 'E') {
			const portal = b.toString('utf8', 5, b.indexOf(0, 5));
			this.pendingFormats.push({ kind: 'execute', formats: this.portalFormats.get(portal) || [] });
		} else if (type === 'S') {
			this.pendingFormats.push({ kind: 'sync' });
		}
	}

	// Next decoded message; {type: 'Closed'} once the server has closed the
	// connection; {type: 'Timeout'} if nothing arrives in timeoutMs.
	async next(timeoutMs = 10000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.queue.length) return this.queue.shift();
			if (this.closed) return { type: 'Closed' };
			const left = deadline - Date.now();
			if (left <= 0) return { type: 'Timeout' };
			await new Promise((resolve) => {
				const t = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(t);
					resolve();
				});
			});
		}
	}

	// Collects messages up to and including the first one for which stop(m) is
	// true (default: ReadyForQuery), or Closed / Timeout.
	async until(stop = (m) => m.type === 'ReadyForQuery', timeoutMs = 10000) {
		const out = [];
		for (;;) {
			const m = await this.next(timeoutMs);
			out.push(m);
			if (m.type === 'Closed' || m.type === 'Timeout' || stop(m)) return out;
		}
	}

	// Collects n ReadyForQuery-terminated rounds (e.g. after n Syncs).
	async rounds(n, timeoutMs = 10000) {
		const out = [];
		for (let i = 0; i < n; i++) {
			const r = await this.until(undefined, timeoutMs);
			out.push(...r);
			const last = r[r.length - 1];
			if (last.type !== 'ReadyForQuery') break;
		}
		return out;
	}

	// Everything that arrives until the server closes (or timeout).
	async drain(timeoutMs = 10000) {
		return this.until(() => false, timeoutMs);
	}

	// Sends SSLRequest (or another 8-byte request code) and returns the
	// server's one-byte answer ('N', 'S') or {type: 'Closed'/'Timeout'}.
	async requestByte(code = SSL_REQUEST_CODE) {
		this.wantByte = true;
		await this.send(Buffer.concat([i32(8), i32(code)]));
		return this.next();
	}

	// Sends a StartupMessage and reads through the first ReadyForQuery (or an
	// error / close). Returns the messages.
	async startup(params, version = PROTOCOL_3) {
		await this.send(fe.startup(params, version));
		const msgs = await this.until((m) => m.type === 'ReadyForQuery' || m.type === 'ErrorResponse');
		const key = msgs.find((m) => m.type === 'BackendKeyData');
		if (key) {
			this.pid = key.pid;
			this.key = key.key;
		}
		this.parameters = {};
		for (const m of msgs) if (m.type === 'ParameterStatus') this.parameters[m.name] = m.value;
		this.startupDone = msgs.some((m) => m.type === 'ReadyForQuery');
		return msgs;
	}

	// Simple query: returns the messages through ReadyForQuery.
	async query(sql, timeoutMs = 10000) {
		await this.send(fe.query(sql));
		return this.until(undefined, timeoutMs);
	}

	close() {
		if (!this.closed) {
			try {
				this.socket.end(fe.terminate());
			} catch {
				// already gone
			}
			this.socket.destroy();
		}
	}
}
