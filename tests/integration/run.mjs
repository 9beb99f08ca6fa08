#!/usr/bin/env node
// litegres integration runner: node cases (cases/*.mjs) and psql regress
// scripts (../regress/sql/*.sql) against one server, compared with expected
// results that real PostgreSQL 15 produced.
//
//   node run.mjs --port 5433                  run everything against litegres on 5433
//   node run.mjs --port 5433 --only 040-dml   only files/cases whose "file/case" matches
//   node run.mjs --truth --port 55432         target is PostgreSQL 15: re-prove every expectation
//   node run.mjs --update --port 55432        rewrite expected files from PostgreSQL 15 (review the diff!)
//   node run.mjs --list                       list files and cases
// Other flags: --host H, --suite node|psql|all, --timeout MS (per case),
// --verbose (full diffs), --report FILE (JSON summary), --ci (a skip fails).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.TZ = 'UTC'; // driver-parsed Dates render the same everywhere
process.noDeprecation = true; // pg warns about the pipelining the cases do on purpose
// A driver may reject a promise nobody awaits (postgres.js does when its
// connect-time type fetch fails). That must fail the case, not the runner.
process.on('unhandledRejection', (e) => {
	console.log(`    (driver: unhandled rejection: ${e && e.code ? e.code + ' ' : ''}${e && e.message ? e.message : e})`);
});
process.on('uncaughtException', (e) => {
	console.log(`    (driver: uncaught exception: ${e && e.code ? e.code + ' ' : ''}${e && e.message ? e.message : e})`);
});

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES_DIR = path.join(HERE, 'cases');
const EXPECTED_DIR = path.join(HERE, 'expected');
const REGRESS_DIR = path.resolve(HERE, '..', 'regress');

function parseArgs(argv) {
	const o = {
		host: '127.0.0.1', port: Number(process.env.PGPORT || 5432), user: 'postgres', database: 'postgres',
		truth: false, update: false, only: null, suite: 'all', timeout: 30000, verbose: false,
		list: false, report: null, ci: process.env.CI === '1' || process.env.CI === 'true', diffLines: 60,
	};
	for (let i = 2; i < argv.length; i++) {
		const a = argv[i];
		const val = () => {
			if (i + 1 >= argv.length) usage(`${a} needs a value`);
			return argv[++i];
		};
		switch (a) {
		case '--host': o.host = val(); break;
		case '--port': o.port = Number(val()); break;
		case '--user': o.user = val(); break;
		case '--database': o.database = val(); break;
		case '--truth': o.truth = true; break;
		case '--update': o.update = true; o.truth = true; break;
		case '--only': o.only = val(); break;
		case '--suite': o.suite = val(); break;
		case '--timeout': o.timeout = Number(val()); break;
		case '--verbose': case '-v': o.verbose = true; o.diffLines = 100000; break;
		case '--list': o.list = true; break;
		case '--report': o.report = val(); break;
		case '--ci': o.ci = true; break;
		case '--help': case '-h': usage(); break;
		default: usage(`unknown argument ${a}`);
		}
	}
	if (!['all', 'node', 'psql'].includes(o.suite)) usage('--suite is node, psql or all');
	return o;
}

function usage(msg) {
	const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8')
		.split('\n').filter((l) => l.startsWith('//')).slice(0, 13).map((l) => l.slice(3)).join('\n');
	if (msg) console.error(`run.mjs: ${msg}\n`);
	console.error(text);
	process.exit(msg ? 2 : 0);
}

// --only: /regex/ or a case-insensitive substring of "file/case".
function matcher(only) {
	if (!only) return () => true;
	const m = /^\/(.*)\/([a-z]*)$/.exec(only);
	if (m) {
		const re = new RegExp(m[1], m[2] || 'i');
		return (s) => re.test(s);
	}
	const needle = only.toLowerCase();
	return (s) => s.toLowerCase().includes(needle);
}

const C = process.stdout.isTTY ? { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', bold: '\x1b[1m', off: '\x1b[0m' }
	: { red: '', green: '', yellow: '', bold: '', off: '' };

function diffText(expected, actual, label, maxLines) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-diff-'));
	const a = path.join(dir, 'expected');
	const b = path.join(dir, 'actual');
	fs.writeFileSync(a, expected);
	fs.writeFileSync(b, actual);
	const r = spawnSync('diff', ['-u', '--label', `expected (PostgreSQL 15) ${label}`, '--label', `actual ${label}`, a, b], { encoding: 'utf8' });
	fs.rmSync(dir, { recursive: true, force: true });
	const lines = (r.stdout || r.error?.message || '').split('\n');
	const cut = lines.length > maxLines ? [...lines.slice(0, maxLines), `... (${lines.length - maxLines} more diff lines; --verbose shows all)`] : lines;
	return cut.map((l) => '    ' + l).join('\n');
}

function withTimeout(promise, ms, what) {
	let t;
	return Promise.race([
		promise.finally(() => clearTimeout(t)),
		new Promise((_, reject) => {
			t = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms (a hang)`)), ms);
		}),
	]);
}

// ---------------------------------------------------------------- node cases

async function loadNodeFiles() {
	const files = fs.readdirSync(CASES_DIR).filter((f) => /^\d+.*\.mjs$/.test(f)).sort();
	const out = [];
	for (const f of files) {
		const mod = await import(pathToFileURL(path.join(CASES_DIR, f)).href);
		const base = f.replace(/\.mjs$/, '');
		const names = new Set();
		for (const c of mod.cases) {
			if (names.has(c.name)) throw new Error(`${f}: duplicate case name ${c.name}`);
			names.add(c.name);
		}
		out.push({ file: base, cleanup: mod.cleanup, cases: mod.cases });
	}
	return out;
}

function readExpected(file) {
	const p = path.join(EXPECTED_DIR, file + '.json');
	if (!fs.existsSync(p)) return {};
	return JSON.parse(fs.readFileSync(p, 'utf8'));
}

async function runCleanup(opts, sqlText) {
	if (!sqlText) return;
	const { CaseContext } = await import('./lib/harness.mjs');
	const t = new CaseContext(opts, 'cleanup');
	try {
		const c = await t.pg();
		await c.query(sqlText).catch(() => {});
	} catch {
		// server unreachable: every case will report it
	} finally {
		await t.cleanup();
	}
}

async function runCase(opts, c) {
	const { CaseContext } = await import('./lib/harness.mjs');
	const t = new CaseContext(opts, c.name);
	let returned;
	let thrown = null;
	try {
		returned = await withTimeout(Promise.resolve().then(() => c.run(t)), c.timeout || opts.timeout, c.name);
	} catch (e) {
		thrown = e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e);
	}
	await withTimeout(t.cleanup(), 5000, 'cleanup').catch(() => {});
	const rec = { steps: t.steps };
	if (returned !== undefined) rec.result = returned;
	if (thrown) rec.thrown = thrown.replace(/\(file:\/\/[^)]*\/tests\//g, '(tests/');
	return JSON.parse(JSON.stringify(rec));
}

async function runNodeSuite(opts, match, results) {
	const { compactJSON } = await import('./lib/normalize.mjs');
	const files = await loadNodeFiles();
	for (const f of files) {
		const selected = f.cases.filter((c) => match(`${f.file}/${c.name}`));
		if (!selected.length) continue;
		const expected = readExpected(f.file);
		const updated = { ...expected };
		console.log(`${C.bold}${f.file}${C.off}`);
		await runCleanup(opts, f.cleanup);
		for (const c of selected) {
			const id = `${f.file}/${c.name}`;
			if (c.litegresOnly && opts.truth) {
				console.log(`  n/a   ${c.name}  (litegres-only: ${c.litegresOnly.reason})`);
				results.push({ id, status: 'litegres-only' });
				continue;
			}
			const t0 = Date.now();
			const actual = await runCase(opts, c);
			const ms = Date.now() - t0;
			let want;
			if (c.litegresOnly) want = { steps: c.litegresOnly.expected };
			else want = expected[c.name];
			if (opts.update && !c.litegresOnly) {
				updated[c.name] = actual;
				const changed = want === undefined ? 'new' : compactJSON(want) === compactJSON(actual) ? 'same' : 'CHANGED';
				console.log(`  ${changed === 'same' ? 'same ' : 'WROTE'} ${c.name}${changed === 'same' ? '' : ` (${changed})`}${actual.thrown ? `  ${C.red}thrown: ${actual.thrown}${C.off}` : ''}`);
				results.push({ id, status: actual.thrown ? 'fail' : 'updated', ms });
				continue;
			}
			if (want === undefined) {
				console.log(`  ${C.red}FAIL${C.off}  ${c.name}  (no expected result: run --update against PostgreSQL 15)`);
				results.push({ id, status: 'fail', reason: 'no expected result', ms });
				continue;
			}
			const a = compactJSON(actual);
			const e = compactJSON(want);
			if (a === e && !actual.thrown) {
				console.log(`  ${C.green}pass${C.off}  ${c.name}  ${C.yellow}${ms > 2000 ? ms + ' ms' : ''}${C.off}`);
				results.push({ id, status: 'pass', ms });
			} else {
				console.log(`  ${C.red}FAIL${C.off}  ${c.name}  (${ms} ms)`);
				console.log(diffText(e + '\n', a + '\n', id, opts.diffLines));
				const refused = /ECONNREFUSED/.test(actual.thrown || '');
				results.push({ id, status: 'fail', ms, reason: refused ? 'connection refused' : undefined });
			}
		}
		if (opts.update) {
			// Keep only cases that still exist, in file order.
			const out = {};
			for (const c of f.cases) if (!c.litegresOnly && updated[c.name] !== undefined) out[c.name] = updated[c.name];
			fs.mkdirSync(EXPECTED_DIR, { recursive: true });
			fs.writeFileSync(path.join(EXPECTED_DIR, f.file + '.json'), compactJSON(out) + '\n');
		}
	}
}

// ---------------------------------------------------------------- psql regress

function psqlBinary() {
	const r = spawnSync('sh', ['-c', 'command -v psql'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

// Environment for psql: nothing inherited that changes its output or what
// it sends at startup.
function psqlEnv() {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG') && !k.startsWith('LC_') && k !== 'LANG') env[k] = v;
	env.PGCLIENTENCODING = 'UTF8';
	env.LC_ALL = 'C.UTF-8';
	env.PGCONNECT_TIMEOUT = '10';
	return env;
}

// Lines that legitimately differ between servers: LOCATION names PG's C
// source file and line (psql prints it with VERBOSITY=verbose).
function filterPsqlOutput(text) {
	return text.split('\n').filter((l) => !/^LOCATION: {2}/.test(l)).join('\n');
}

function runPsql(opts, psql, file, timeoutMs) {
	const args = ['-X', '-a', '-v', 'ON_ERROR_STOP=0', '-v', 'VERBOSITY=verbose',
		'-h', opts.host, '-p', String(opts.port), '-U', opts.user, '-d', opts.database];
	return new Promise((resolve) => {
		// stdout and stderr into one pipe, in order, like pg_regress does.
		const child = spawn('sh', ['-c', 'exec "$0" "$@" 2>&1', psql, ...args], {
			env: psqlEnv(), stdio: [fs.openSync(file, 'r'), 'pipe', 'inherit'],
		});
		let out = '';
		let timedOut = false;
		child.stdout.on('data', (d) => { out += d.toString('utf8'); });
		const t = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(t);
			resolve({ out, code, timedOut });
		});
	});
}

// Splits psql -a output into one block per input statement: psql echoes each
// input line as it reads it, so an output line equal to the next unconsumed
// input line starts (or continues) a statement's block. Used only to report
// how many statements already match, on top of the whole-file diff.
function statementBlocks(inputText, outputText) {
	const input = inputText.split('\n');
	const blocks = [];
	let i = 0;
	let cur = null;
	for (const line of outputText.split('\n')) {
		const echo = i < input.length && line === input[i];
		if (echo) {
			i++;
			if (!cur || !cur.echo) {
				cur = { lines: [] };
				blocks.push(cur);
			}
		} else if (!cur) {
			cur = { lines: [] };
			blocks.push(cur);
		}
		cur.lines.push(line);
		cur.echo = echo;
	}
	return blocks.map((b) => b.lines.join('\n'));
}

function matchingStatements(inputText, want, actual) {
	const a = statementBlocks(inputText, want);
	const b = statementBlocks(inputText, actual);
	let same = 0;
	for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
	return `${same}/${a.length} statements as PostgreSQL`;
}

function cleanupDirective(text) {
	const lines = [];
	for (const l of text.split('\n')) {
		const m = /^-- cleanup: (.*)$/.exec(l);
		if (m) lines.push(m[1]);
		else if (!l.startsWith('--')) break;
	}
	return lines.join('\n');
}

async function runPsqlSuite(opts, match, results) {
	const sqlDir = path.join(REGRESS_DIR, 'sql');
	const expDir = path.join(REGRESS_DIR, 'expected');
	if (!fs.existsSync(sqlDir)) return;
	const files = fs.readdirSync(sqlDir).filter((f) => f.endsWith('.sql')).sort()
		.filter((f) => match(`regress/${f.replace(/\.sql$/, '')}`));
	if (!files.length) return;
	console.log(`${C.bold}regress (psql)${C.off}`);
	const psql = psqlBinary();
	if (!psql) {
		for (const f of files) {
			console.log(`  ${C.yellow}${C.bold}SKIPPED${C.off} regress/${f}: psql not installed (apt-get install postgresql-client)`);
			results.push({ id: `regress/${f}`, status: 'skipped', reason: 'psql missing' });
		}
		return;
	}
	for (const f of files) {
		const base = f.replace(/\.sql$/, '');
		const id = `regress/${base}`;
		const file = path.join(sqlDir, f);
		const cleanup = cleanupDirective(fs.readFileSync(file, 'utf8'));
		if (cleanup) await runCleanup(opts, cleanup);
		const t0 = Date.now();
		const r = await runPsql(opts, psql, file, opts.timeout * 2);
		const ms = Date.now() - t0;
		const actual = filterPsqlOutput(r.out) + (r.timedOut ? '\n*** psql timed out (a hang) ***\n' : '');
		const expPath = path.join(expDir, base + '.out');
		if (opts.update) {
			fs.mkdirSync(expDir, { recursive: true });
			const old = fs.existsSync(expPath) ? fs.readFileSync(expPath, 'utf8') : null;
			fs.writeFileSync(expPath, actual);
			console.log(`  ${old === actual ? 'same ' : 'WROTE'} ${base}.out`);
			results.push({ id, status: r.timedOut ? 'fail' : 'updated', ms });
			continue;
		}
		if (!fs.existsSync(expPath)) {
			console.log(`  ${C.red}FAIL${C.off}  ${base}  (no expected output: run --update against PostgreSQL 15)`);
			results.push({ id, status: 'fail', reason: 'no expected output', ms });
			continue;
		}
		const want = fs.readFileSync(expPath, 'utf8');
		if (want === actual) {
			console.log(`  ${C.green}pass${C.off}  ${base}`);
			results.push({ id, status: 'pass', ms });
		} else {
			const progress = matchingStatements(fs.readFileSync(file, 'utf8'), want, actual);
			console.log(`  ${C.red}FAIL${C.off}  ${base}  (${progress}, ${ms} ms)`);
			console.log(diffText(want, actual, `${base}.out`, opts.diffLines));
			results.push({ id, status: 'fail', ms, reason: progress });
		}
	}
}

// ---------------------------------------------------------------- main

async function isRealPostgres(opts) {
	const { CaseContext } = await import('./lib/harness.mjs');
	const t = new CaseContext(opts, 'probe');
	try {
		const c = await t.pg();
		// litegres has no data directory to show; PostgreSQL does.
		const r = await c.query('show data_directory');
		return r.rows.length === 1;
	} catch {
		return false;
	} finally {
		await t.cleanup();
	}
}

async function main() {
	const opts = parseArgs(process.argv);
	const match = matcher(opts.only);
	if (opts.list) {
		for (const f of await loadNodeFiles()) {
			for (const c of f.cases) {
				const id = `${f.file}/${c.name}`;
				if (match(id)) console.log(`${id}${c.litegresOnly ? '   [litegres-only]' : ''}`);
			}
		}
		const sqlDir = path.join(REGRESS_DIR, 'sql');
		if (fs.existsSync(sqlDir)) {
			for (const f of fs.readdirSync(sqlDir).sort()) {
				if (f.endsWith('.sql') && match(`regress/${f.replace(/\.sql$/, '')}`)) console.log(`regress/${f.replace(/\.sql$/, '')}`);
			}
		}
		return 0;
	}
	const mode = opts.update ? 'UPDATE expected from' : opts.truth ? 'TRUTH check against' : 'testing';
	console.log(`${mode} ${opts.host}:${opts.port}${opts.only ? ` (only ${opts.only})` : ''}`);
	if (opts.truth && !(await isRealPostgres(opts))) {
		console.error(`${C.red}--truth/--update need real PostgreSQL 15 on ${opts.host}:${opts.port} (SHOW data_directory failed)${C.off}`);
		return 2;
	}
	const t0 = Date.now();
	const results = [];
	if (opts.suite !== 'psql') await runNodeSuite(opts, match, results);
	if (opts.suite !== 'node') await runPsqlSuite(opts, match, results);
	if (!opts.truth) applyKnownDifferences(results);
	const count = (s) => results.filter((r) => r.status === s).length;
	const secs = ((Date.now() - t0) / 1000).toFixed(1);
	const failed = results.filter((r) => r.status === 'fail');
	const skipped = results.filter((r) => r.status === 'skipped');
	console.log('');
	console.log(`${C.bold}summary${C.off} (${mode} ${opts.host}:${opts.port}, ${secs} s): ` +
		`${count('pass')} passed, ${failed.length} failed, ${skipped.length} skipped` +
		(count('litegres-only') ? `, ${count('litegres-only')} litegres-only not run` : '') +
		(count('updated') ? `, ${count('updated')} written` : ''));
	// Per-file progress: the quickest way to see what the server gets right.
	const byFile = new Map();
	for (const r of results) {
		const file = r.id.split('/').slice(0, r.id.startsWith('regress/') ? 2 : 1).join('/');
		const s = byFile.get(file) || { pass: 0, total: 0 };
		if (r.status !== 'litegres-only') s.total++;
		if (r.status === 'pass' || r.status === 'updated') s.pass++;
		byFile.set(file, s);
	}
	for (const [file, s] of byFile) console.log(`  ${String(s.pass).padStart(3)}/${String(s.total).padEnd(3)} ${file}`);
	const refused = failed.find((r) => r.reason === 'connection refused');
	if (refused) {
		console.log(`${C.red}${C.bold}the server refused connections from ${refused.id} on (crashed or stopped?)${C.off}`);
	}
	if (failed.length) {
		console.log(`${C.red}failed:${C.off}`);
		for (const r of failed) console.log(`  ${r.id}${r.reason ? ` (${r.reason})` : ''}`);
	}
	const known = results.filter((r) => r.status === 'known');
	if (known.length) {
		console.log(`${C.yellow}known differences from PostgreSQL (${known.length}, see known-differences.json):${C.off}`);
		for (const r of known) console.log(`  ${r.id}: ${r.reason}`);
	}
	if (skipped.length) {
		console.log(`${C.yellow}${C.bold}SKIPPED (${skipped.length}):${C.off}`);
		for (const r of skipped) console.log(`  ${C.yellow}SKIPPED ${r.id}: ${r.reason}${C.off}`);
		if (opts.ci) console.log(`${C.red}CI: skipped tests count as failures${C.off}`);
	}
	if (opts.report) fs.writeFileSync(opts.report, JSON.stringify({ mode, target: `${opts.host}:${opts.port}`, secs, results }, null, 1));
	if (failed.length) return 1;
	if (skipped.length && opts.ci) return 1;
	if (results.length === 0) {
		console.log(`${C.red}no cases matched${C.off}`);
		return 1;
	}
	return 0;
}

// Known differences: cases that still differ from PostgreSQL, each with the
// reason. They run and their diffs print like any failure, but do not fail
// the run; one that passes does (remove it from the list), and a psql script
// must keep at least `min_statements` statements as PostgreSQL prints them.
function applyKnownDifferences(results) {
	const file = path.join(HERE, 'known-differences.json');
	if (!fs.existsSync(file)) return;
	const known = JSON.parse(fs.readFileSync(file, 'utf8'));
	for (const r of results) {
		const k = known[r.id];
		if (!k) continue;
		const reason = typeof k === 'string' ? k : k.reason;
		if (r.status === 'pass') {
			r.status = 'fail';
			r.reason = 'listed in known-differences.json but passes now: remove it from the list';
			continue;
		}
		if (r.status !== 'fail') continue;
		const m = /^(\d+)\/\d+ statements/.exec(r.reason || '');
		if (k.min_statements && (!m || Number(m[1]) < k.min_statements)) {
			r.reason = `${r.reason || 'fails'}; known-differences.json expects at least ${k.min_statements}`;
			continue;
		}
		r.status = 'known';
		r.reason = reason;
	}
}

main().then((code) => {
	process.exitCode = code;
	// Drivers may keep sockets half-open after a failed case; don't wait for them.
	setTimeout(() => process.exit(code), 200).unref();
}, (e) => {
	console.error(e);
	process.exit(2);
});
