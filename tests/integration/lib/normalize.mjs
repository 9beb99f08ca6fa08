// Turning driver results into plain JSON, explicit masks for volatile values,
// and a compact, diff-friendly JSON printer.

// node-postgres: keep every value as the text (or bytes) the server sent.
export const rawTypes = {
	getTypeParser(oid, format) {
		if (format === 'binary') {
			// pg-protocol decodes DataRow fields as UTF-8 strings even in binary
			// mode; Buffer.from() gives the bytes back exactly when they were
			// valid UTF-8 (byte-exact binary checks live in the wire cases).
			return (v) => 'bin:' + Buffer.from(v).toString('hex');
		}
		return (v) => v;
	},
};

// Table OIDs in RowDescription differ between servers; what a client can rely
// on is that the same table has the same OID. Label them per case in order of
// appearance: "table#1", "table#2", ...
export class OidLabels {
	constructor() {
		this.map = new Map();
	}
	label(oid) {
		if (!oid) return 0;
		if (!this.map.has(oid)) this.map.set(oid, `table#${this.map.size + 1}`);
		return this.map.get(oid);
	}
}

export function normField(f, labels) {
	// pg's Field and the wire decoder's field use different names.
	if ('dataTypeID' in f) {
		return {
			name: f.name, table: labels.label(f.tableID), attnum: f.columnID, type: f.dataTypeID,
			len: f.dataTypeSize, mod: f.dataTypeModifier, fmt: f.format === 'binary' ? 1 : 0,
		};
	}
	return { ...f, table: labels.label(f.table) };
}

const PG_ERROR_KEYS = [
	'severity', 'code', 'message', 'detail', 'hint', 'position', 'internalPosition',
	'internalQuery', 'where', 'schema', 'table', 'column', 'dataType', 'constraint',
];

// node-postgres DatabaseError -> {severity, code, message, ...} (present keys only).
export function pgError(e) {
	if (!e || !e.code) {
		return { clientError: String(e && e.message ? e.message : e) };
	}
	const out = {};
	for (const k of PG_ERROR_KEYS) {
		if (e[k] !== undefined && e[k] !== null && e[k] !== '') out[k] = e[k];
	}
	return out;
}

// postgres.js PostgresError uses snake_case names.
const PGJS_ERROR_KEYS = {
	severity: 'severity', code: 'code', message: 'message', detail: 'detail', hint: 'hint',
	position: 'position', internal_position: 'internalPosition', internal_query: 'internalQuery',
	where: 'where', schema_name: 'schema', table_name: 'table', column_name: 'column',
	data_type_name: 'dataType', constraint_name: 'constraint',
};
export function pgjsError(e) {
	if (!e || e.name !== 'PostgresError') {
		return { clientError: String(e && e.code ? `${e.code}: ${e.message}` : e && e.message ? e.message : e) };
	}
	const tmp = {};
	for (const [k, name] of Object.entries(PGJS_ERROR_KEYS)) {
		if (e[k] !== undefined && e[k] !== null && e[k] !== '') tmp[name] = e[k];
	}
	const out = {};
	for (const k of PG_ERROR_KEYS) if (k in tmp) out[k] = tmp[k];
	return out;
}

// Driver-parsed JS values -> JSON (what an application sees).
export function jsValue(v) {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return { bigint: v.toString() };
	if (v instanceof Date) return { date: isNaN(v) ? 'Invalid Date' : v.toISOString() };
	if (Buffer.isBuffer(v)) return { bytes: v.toString('hex') };
	if (Array.isArray(v)) return v.map(jsValue);
	if (typeof v === 'number' && !Number.isFinite(v)) return { number: String(v) };
	if (typeof v === 'object') {
		const o = {};
		for (const [k, x] of Object.entries(v)) o[k] = jsValue(x);
		return o;
	}
	return v;
}

// ---- masks: explicit per-case rules for values that differ between runs ----

const TIMESTAMPTZ_RE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d{1,6})?\+00$/;

export const RULES = {
	// A timestamptz text (UTC session) within 10 minutes of the client clock.
	now(v) {
		const m = TIMESTAMPTZ_RE.exec(String(v));
		if (!m) return undefined;
		const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
		return Math.abs(t - Date.now()) < 10 * 60 * 1000 ? '<now: timestamptz text within 10 min>' : undefined;
	},
	// A JS Date (as jsValue renders it) within 10 minutes of the client clock.
	jsNow(v) {
		const t = v && v.date ? Date.parse(v.date) : NaN;
		return Math.abs(t - Date.now()) < 10 * 60 * 1000 ? '<now: Date within 10 min>' : undefined;
	},
	// Process ids, cancel keys: any non-zero 32-bit integer (text or number).
	int32(v) {
		const n = Number(v);
		return Number.isInteger(n) && n !== 0 && n >= -2147483648 && n <= 2147483647 ? '<int32>' : undefined;
	},
	uuid(v) {
		return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(String(v)) ? '<uuid>' : undefined;
	},
	uuidv4(v) {
		return /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(v)) ? '<uuid v4>' : undefined;
	},
	// server_version / version(): any PostgreSQL 15 minor.
	pg15Version(v) {
		return /^15\.\d+( .*)?$/.test(String(v)) ? '<15.x>' : undefined;
	},
	pg15VersionString(v) {
		return /^PostgreSQL 15\.\d+\b/.test(String(v)) ? '<PostgreSQL 15.x ...>' : undefined;
	},
};

function applyRule(v, rule) {
	if (rule instanceof RegExp) return rule.test(String(v)) ? `<match ${rule}>` : undefined;
	if (typeof rule === 'function') return rule(v);
	if (typeof rule === 'string' && RULES[rule]) return RULES[rule](v);
	throw new Error(`unknown mask rule ${rule}`);
}

// mask(obj, 'rows.0.1', rule): replaces the value at the path with a
// placeholder when the rule accepts it; otherwise with {unmasked: value, rule},
// so the diff shows the unexpected value. '*' in a path matches every key/index.
export function mask(obj, path, rule) {
	const parts = typeof path === 'string' ? path.split('.') : path;
	let hits = 0;
	const walk = (node, i) => {
		if (node === null || typeof node !== 'object') return;
		const key = parts[i];
		const keys = key === '*' ? Object.keys(node) : [key];
		for (const k of keys) {
			if (!(k in node)) continue;
			if (i === parts.length - 1) {
				hits++;
				const r = applyRule(node[k], rule);
				if (r !== undefined) node[k] = r;
				else node[k] = { unmasked: node[k], rule: String(rule.name || rule) };
			} else {
				walk(node[k], i + 1);
			}
		}
	};
	walk(obj, 0);
	return hits;
}

// ---- compact JSON: short arrays/objects on one line, stable and diffable ----

export function compactJSON(value, indent = '', width = 100) {
	const flat = JSON.stringify(value);
	if (flat === undefined) return 'null';
	if (value === null || typeof value !== 'object' || flat.length + indent.length <= width) return flat;
	const inner = indent + '  ';
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return '[\n' + value.map((v) => inner + compactJSON(v, inner, width)).join(',\n') + '\n' + indent + ']';
	}
	const keys = Object.keys(value);
	if (keys.length === 0) return '{}';
	return '{\n' + keys.map((k) => inner + JSON.stringify(k) + ': ' +
		compactJSON(value[k], inner, width)).join(',\n') + '\n' + indent + '}';
}

// Round-trip through JSON so undefined/functions vanish exactly as on disk.
export function plain(v) {
	return v === undefined ? null : JSON.parse(JSON.stringify(v));
}
