// Prints PostgreSQL's error fields for one statement (read from stdin) as
// JSON, or {"ok":true}. Used by pgcheck.py: psql does not show positions.
// usage: node pgerr.mjs PORT DB < stmt.sql
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../integration/package.json'));
const pg = require('pg');
const [port, db] = process.argv.slice(2);
const sql = readFileSync(0, 'utf8');
const c = new pg.Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', database: db });
await c.connect();
try {
  await c.query('BEGIN');
  await c.query(sql);
  console.log(JSON.stringify({ ok: true }));
} catch (e) {
  console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint, position: e.position ? Number(e.position) : null }));
} finally {
  await c.query('ROLLBACK').catch(() => {});
  await c.end();
}
