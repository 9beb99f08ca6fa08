#!/usr/bin/env python3
"""Re-checks golden expectations against a real PostgreSQL 15.

usage: pgcheck.py PGPORT tests/golden/NNN-name.pg.sql [...]

For every block of a .pg.sql file the statement is run on PostgreSQL (after
the block's `-- pg: <sql>` setup lines; `-- sqlite:` lines are ignored) and
what PostgreSQL reports is compared with the .sqlite.sql expectation:
result column names and types (typname and typmod), parameter types, rows
(text format), and errors (SQLSTATE, message, position). Mismatches are
printed; the exit status is 1 if there are any. Blocks with `-- nopg` are
skipped (litegres-only behaviour, documented in the block's comment).
"""
import json
import os
import re
import subprocess
import sys

TYPES = {
    'integer': 'int4', 'bigint': 'int8', 'smallint': 'int2', 'text': 'text',
    'boolean': 'bool', 'numeric': 'numeric', 'double precision': 'float8',
    'real': 'float4', 'date': 'date', 'uuid': 'uuid', 'json': 'json',
    'jsonb': 'jsonb', 'bytea': 'bytea', 'name': 'name', 'unknown': 'text',
    'timestamp with time zone': 'timestamptz',
    'timestamp without time zone': 'timestamp',
    'time without time zone': 'time', 'interval': 'interval',
    'character varying': 'varchar', 'character': 'bpchar', 'oid': 'oid',
    '"char"': 'char',
}


def typ(s):
    """format_type text -> 'typname' or 'typname(typmod)'."""
    s = s.strip()
    arr = s.endswith('[]')
    if arr:
        s = s[:-2]
    m = re.match(r'^(.*?)\((\d+)(?:,(\d+))?\)(.*)$', s)
    mod = -1
    if m:
        base = (m.group(1) + m.group(4)).strip()
        p = int(m.group(2))
        if base == 'numeric':
            mod = ((p << 16) | int(m.group(3) or 0)) + 4
        elif base in ('character varying', 'character'):
            mod = p + 4
        else:
            mod = p
        s = base
    name = TYPES.get(s, s)
    if arr:
        name = '_' + name
    return name if mod < 0 else '%s(%d)' % (name, mod)


def psql(port, db, sql):
    p = subprocess.run(
        ['psql', '-h', '127.0.0.1', '-p', str(port), '-U', 'postgres', '-d', db,
         '-X', '-q', '-A', '-F', '\x1f', '-P', 'null=NULL', '-P', 'footer=off',
         '-v', 'VERBOSITY=verbose', '-f', '-'],
        input=sql + ('\n' if sql.endswith('\\gdesc') else ';\n'),
        capture_output=True, text=True)
    return p.stdout, p.stderr


def pg_error(err):
    m = re.search(r'ERROR:\s+(\w{5}): (.*)', err)
    if not m:
        return None
    out = 'ERROR %s %s' % (m.group(1), m.group(2))
    h = re.search(r'HINT:\s+(.*)', err)
    if h:
        out += '\n   hint: ' + h.group(1)
    # psql shows the position as a caret under LINE n: recompute it.
    pos = None
    lines = err.splitlines()
    for i, l in enumerate(lines):
        lm = re.match(r'^(LINE \d+: )(.*)$', l)
        if lm and i + 1 < len(lines) and '^' in lines[i + 1]:
            pos = lines[i + 1].index('^') - len(lm.group(1)) + 1
            pos = (lm.group(2)[:pos - 1], pos)
    return out, pos


def pg_position(port, db, stmt):
    here = os.path.dirname(os.path.abspath(__file__))
    p = subprocess.run(['node', os.path.join(here, 'pgerr.mjs'), str(port), db],
                       input=stmt, capture_output=True, text=True)
    try:
        return json.loads(p.stdout).get('position')
    except ValueError:
        return None


def blocks(text):
    for b in re.split(r'\n\s*\n', text):
        lines = [l for l in b.split('\n') if l.strip()]
        if lines:
            yield lines


def expected(path):
    """Block -> dict of columns/params/rows/error from the .sqlite.sql."""
    res = []
    for lines in blocks(open(path).read()):
        d = {'rows': [], 'cols': None, 'params': None, 'error': None}
        for l in lines:
            if l.startswith('   columns:'):
                d['cols'] = [c.strip() for c in l[len('   columns:'):].split(',')]
            elif l.startswith('   params:'):
                d['params'] = l[len('   params:'):].split()
            elif l.startswith('   |'):
                d['rows'].append([c.strip() for c in l.strip()[1:-1].split(' | ')])
            elif l.startswith('=> ERROR '):
                d['error'] = l[3:]
            elif l.startswith('   !! SQLSTATE '):
                # an error SQLite raised through a litegres function
                m = re.match(r'   !! SQLSTATE (\w{5}): (.*)', l)
                d['error'] = 'ERROR %s %s' % (m.group(1), m.group(2))
            elif l.startswith('   hint: ') and d['error']:
                d['error'] += '\n' + l
        res.append(d)
    return res


def main():
    port = sys.argv[1]
    bad = 0
    for path in sys.argv[2:]:
        if open(path).readline().startswith('-- nopg-file'):
            continue
        db = 'pgcheck'
        psql(port, 'postgres', 'DROP DATABASE IF EXISTS %s' % db)
        psql(port, 'postgres', 'CREATE DATABASE %s' % db)
        exp = expected(path.replace('.pg.sql', '.sqlite.sql'))
        for i, lines in enumerate(blocks(open(path).read())):
            setup = [l[6:] for l in lines if l.startswith('-- pg:')]
            for s in setup:
                _, err = psql(port, db, s)
                if 'ERROR' in err:
                    print('%s: setup failed: %s\n%s' % (path, s, err))
            if any(l.startswith('-- nopg') for l in lines):
                continue
            stmt = '\n'.join(l for l in lines if not l.startswith('--')).rstrip(';')
            if not stmt or i >= len(exp):
                continue
            e = exp[i]
            bad += check(port, db, path, stmt, lines, e)
    sys.exit(1 if bad else 0)


def check(port, db, path, stmt, lines, e):
    args = [l[8:] for l in lines if l.startswith('-- args:')]
    params = [l[10:].split() for l in lines if l.startswith('-- params:')]
    problems = []
    nparams = max([int(n) for n in re.findall(r'\$(\d+)', stmt)] or [0])
    if nparams:
        types = params[0] if params else []
        decl = '(%s)' % ', '.join((t if t != '0' else 'unknown') for t in types) if types else ''
        psql(port, db, 'DEALLOCATE ALL')
        out, err = psql(port, db, 'PREPARE s%s AS %s' % (decl, stmt))
        if 'ERROR' not in err:
            out, err = psql(port, db, "PREPARE s%s AS %s;\nSELECT parameter_types FROM pg_prepared_statements WHERE name = 's'" % (decl, stmt))
            pt = out.strip().splitlines()[-1].strip('{}')
            got = [typ(t.strip('"')) for t in re.findall(r'"[^"]*"|[^,]+', pt)]
            if e['params'] and got != e['params']:
                problems.append('params: pg %s, expected %s' % (got, e['params']))
            vals = [a.strip() for a in args[0].split('|')] if args else ['NULL'] * nparams
            vals = ['NULL' if v == '\\N' else ("'" + v.replace("'", "''") + "'") if v != 'NULL' else v for v in vals]
            run = 'PREPARE s%s AS %s;\nEXECUTE s(%s)' % (decl, stmt, ', '.join(vals))
            desc_sql = run + ' \\gdesc'
            rows_sql = run if args else None
        else:
            desc_sql = None
            rows_sql = None
    else:
        desc_sql = stmt + ' \\gdesc'
        rows_sql = stmt
    err_pg = None
    if desc_sql:
        out, err = psql(port, db, desc_sql)
        err_pg = pg_error(err)
        if not err_pg and e['cols'] is not None and out.strip():
            got = []
            for l in out.strip().splitlines()[1:]:
                name, t = l.split('\x1f')
                got.append('%s %s' % (name, typ(t)))
            want = [re.sub(r' @\d+$', '', c) for c in e['cols']]
            if got != want:
                problems.append('columns: pg %s\n      expected %s' % (got, want))
    else:
        _, err = psql(port, db, 'PREPARE s AS ' + stmt)
        err_pg = pg_error(err)
    if rows_sql and not err_pg:
        out, err = psql(port, db, rows_sql)
        err_pg = pg_error(err)
        if not err_pg and e['cols'] is not None:
            got = [r.split('\x1f') for r in out.strip('\n').splitlines()[1:]] if out.strip() else []
            if len(e['rows']) < 50 and got != e['rows']:
                problems.append('rows: pg %s\n      expected %s' % (got, e['rows']))
    if err_pg:
        msg, pos = err_pg
        want = e['error'] or ''
        wmsg = re.sub(r' \(position \d+\)', '', want)
        if nparams and 'PREPARE' in (pos[0] if pos else ''):
            pos = None
        if msg != wmsg:
            problems.append('error: pg %s\n      expected %s' % (msg, want or '(success)'))
        elif not nparams:
            want_pos = re.search(r'\(position (\d+)\)', want)
            got_pos = pg_position(port, db, stmt)
            if (int(want_pos.group(1)) if want_pos else None) != got_pos:
                problems.append('position: pg %s, expected %s' % (got_pos, want))
    elif e['error']:
        problems.append('error: pg succeeded, expected %s' % e['error'])
    if problems:
        print('%s: %s\n    %s' % (path, stmt.replace('\n', ' '), '\n    '.join(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    main()
