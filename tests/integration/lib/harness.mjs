// The per-case context handed to every case: connections to the target
// server through real drivers (node-postgres, postgres.js) or the raw wire
// client, and a transcript of every step with its normalised result. The
// transcript is what gets compared with the expected file.
import pg from 'pg';
import postgres from 'postgres';
import Cursor from 'pg-cursor';
import { Wire } from './wire.mjs';
import {
	rawTypes, normField, pgError, pgjsError, jsValue, mask, OidLabels, plain,
} from './normalize.mjs';

export class CaseContext {
	constructor(target, name) {
		this.target = target; // {host, port, user, database, kind: 'pg' | 'litegres'}
		this.name = name;
		this.steps = [];
		this.resources = [];
		this.labels = new OidLabels();
		this.Cursor = Cursor;
	}

	// ---- connections (all closed when the case ends) ----

	// node-postgres Client. Records the ReadyForQuery status of every round in
	// client.rfq (pg does not expose it otherwise).
	async pg(opts = {}) {
		const c = new pg.Client({
			host: this.target.host, port: this.target.port,
			user: this.target.user, database: this.target.database,
			types: rawTypes, ...opts,
		});
		c.rfq = [];
		c.serverParameters = {};
		c.connection.on('parameterStatus', (m) => { c.serverParameters[m.parameterName] = m.parameterValue; });
		c.on('error', () => {}); // a server-side FATAL must not crash the runner
		this.resources.push(() => c.end().catch(() => {}));
		await c.connect();
		c.connection.on('readyForQuery', (m) => c.rfq.push(m.status));
		return c;
	}

	// postgres.js. fetch_types is off by default: it queries pg_catalog at
	// connect time; cases that test exactly that turn it on.
	pgjs(opts = {}) {
		const sql = postgres({
			host: this.target.host, port: this.target.port,
			user: this.target.user, database: this.target.database,
			fetch_types: false, max: 1, onnotice: () => {}, connect_timeout: 10,
			...opts,
		});
		this.resources.push(() => sql.end({ timeout: 1 }).catch(() => {}));
		return sql;
	}

	// Raw protocol connection. startup=false returns it before any message.
	async wire(params = {}, { startup = true } = {}) {
		const w = await Wire.open(this.target.host, this.target.port);
		this.resources.push(() => w.close());
		if (startup) {
			const msgs = await w.startup({ user: this.target.user, database: this.target.database, ...params });
			const err = msgs.find((m) => m.type === 'ErrorResponse');
			if (err) throw new Error(`startup failed: ${err.code} ${err.message}`);
			w.startupMessages = msgs;
		}
		return w;
	}

	async cleanup() {
		const r = this.resources.reverse();
		this.resources = [];
		await Promise.all(r.map((f) => Promise.resolve().then(f).catch(() => {})));
	}

	// ---- steps ----

	// Record a step as is (value must be JSON-able). Returns the stored object.
	note(label, value) {
		const step = { step: label, result: plain(value) };
		this.steps.push(step);
		return step.result;
	}

	// node-postgres query. `query` is SQL text or a pg query config
	// ({text, values, name, binary, types}). Rows come back as arrays of the
	// server's text; with binary: true as 'bin:<hex>'.
	async q(client, query, values, { record = true } = {}) {
		const config = typeof query === 'string' ? { text: query } : { ...query };
		if (values !== undefined) config.values = values;
		config.rowMode = 'array';
		// types: 'default' -> node-postgres' own parsers (what an app sees).
		const parsed = config.types === 'default';
		if (parsed) config.types = pg.types;
		else if (!config.types) config.types = rawTypes;
		let result;
		try {
			result = this.pgResult(await client.query(config), parsed);
		} catch (e) {
			result = { error: pgError(e) };
		}
		if (record) this.steps.push({ ...describeQuery(config), result });
		return result;
	}

	pgResult(r, parsed = false) {
		if (Array.isArray(r)) return r.map((x) => this.pgResult(x, parsed));
		const out = { command: r.command, rowCount: r.rowCount };
		if (r.fields && r.fields.length) out.fields = r.fields.map((f) => normField(f, this.labels));
		if (r.fields && r.fields.length) out.rows = r.rows.map((row) => row.map(parsed ? jsValue : rawValue));
		return out;
	}

	// postgres.js: run a pending query (tagged template, sql.unsafe, ...) and
	// record the result the application sees: parsed values, columns with
	// type OIDs, count, command.
	async pj(label, pending, { record = true } = {}) {
		let result;
		try {
			result = this.pjResult(await pending);
		} catch (e) {
			result = { error: pgjsError(e) };
		}
		if (record) this.steps.push({ pgjs: label, result });
		return result;
	}

	pjResult(r) {
		if (Array.isArray(r) && r.length && r[0] && r[0].command !== undefined && r.command === undefined) {
			return r.map((x) => this.pjResult(x)); // several statements in one simple query
		}
		const out = { command: r.command ?? null, count: r.count ?? null };
		if (r.columns && r.columns.length) {
			out.columns = r.columns.map((c) => ({ name: c.name, type: c.type, table: this.labels.label(c.table), attnum: c.number }));
			out.rows = Array.from(r).map((row) => (Array.isArray(row) ? row.map(jsValue)
				: r.columns.map((c) => jsValue(row[c.name]))));
		}
		return out;
	}

	// Raw protocol: send buffers, read `rounds` ReadyForQuery-terminated
	// replies (or use read: 'close' to read until the server closes), record
	// {send: [labels], recv: [messages]}.
	async w(wire, label, bufs, { rounds = 1, read, timeoutMs = 10000, record = true } = {}) {
		await wire.send(bufs);
		let msgs;
		if (read === 'close') msgs = await wire.drain(timeoutMs);
		else if (typeof read === 'function') msgs = await wire.until(read, timeoutMs);
		else if (rounds === 0) msgs = [];
		else msgs = await wire.rounds(rounds, timeoutMs);
		const recv = this.wireMessages(msgs);
		if (record) this.steps.push({ wire: label, recv });
		return recv;
	}

	wireMessages(msgs) {
		return msgs.map((m) => {
			if (m.type === 'RowDescription') return { type: m.type, fields: m.fields.map((f) => normField(f, this.labels)) };
			return m;
		});
	}

	mask(obj, path, rule) {
		const n = mask(obj, path, rule);
		if (n === 0) {
			// A path that matches nothing is a bug in the case, unless the
			// result is an error (then the diff shows it anyway).
			const isErr = obj && (obj.error || (Array.isArray(obj) && obj.some((m) => m && m.type === 'ErrorResponse')));
			if (!isErr) throw new Error(`mask: nothing at ${path}`);
		}
		return obj;
	}

	sleep(ms) {
		return new Promise((r) => setTimeout(r, ms));
	}
}

function rawValue(v) {
	return v === undefined ? null : v;
}

function describeQuery(c) {
	const d = {};
	if (c.name) d.name = c.name;
	d.sql = c.text;
	if (c.values) d.values = c.values.map((v) => (Buffer.isBuffer(v) ? 'buffer:' + v.toString('hex') : jsValue(v)));
	if (c.binary) d.binary = true;
	if (c.types === pg.types) d.parsed = 'node-postgres default type parsers';
	return d;
}
