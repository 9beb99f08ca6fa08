#!/usr/bin/env python3
"""Turn a PostgreSQL log segment (log_statement=all, log_line_prefix='%m [%p] %a|%u|%d ')
into a corpus file: distinct statements in order of first appearance, each ended by a ';;' line."""
import re, sys

HEAD = re.compile(r'^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+) \[(\d+)\] ([^|]*)\|([^|]*)\|(\S*) '
                  r'(LOG|DETAIL|ERROR|STATEMENT|NOTICE|WARNING|HINT|CONTEXT|FATAL):  (.*)$')
EXEC = re.compile(r'^execute ([^:]+): (.*)$', re.S)

def entries(path):
    cur = None
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        m = HEAD.match(line)
        if m:
            if cur:
                yield cur
            cur = {'pid': m[2], 'app': m[3], 'db': m[5], 'lvl': m[6], 'msg': m[7]}
        elif cur:
            cur['msg'] += '\n' + line
    if cur:
        yield cur

def clean(sql):
    lines = sql.split('\n')
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return '\n'.join(l.rstrip() for l in lines)

def main(src, dst, title):
    stmts, order, last = {}, [], None
    for e in entries(src):
        if e['lvl'] == 'LOG':
            msg = e['msg']
            if msg.startswith('statement: '):
                proto, sql = 'simple', msg[len('statement: '):]
            else:
                m = EXEC.match(msg)
                if not m:
                    last = None
                    continue
                name = m[1]
                proto = 'extended, unnamed' if name.startswith('<unnamed>') else 'extended, prepared ' + name
                sql = m[2]
            sql = clean(sql)
            s = stmts.get(sql)
            if s is None:
                s = stmts[sql] = {'sql': sql, 'n': 0, 'proto': set(), 'params': [], 'errors': [],
                                  'db': e['db'], 'app': e['app']}
                order.append(sql)
            s['n'] += 1
            s['proto'].add(re.sub(r'prepared \S+', 'prepared (named)', proto))
            last = s
        elif e['lvl'] == 'DETAIL' and last is not None and e['msg'].startswith('parameters: '):
            p = e['msg'][len('parameters: '):].replace('\n', ' ')
            if p not in last['params']:
                last['params'].append(p)
        elif e['lvl'] == 'ERROR' and last is not None:
            last['errors'].append(e['msg'].replace('\n', ' '))
    with open(dst, 'w') as out:
        out.write(f'-- {title}\n-- {len(order)} distinct statements '
                  f'({sum(s["n"] for s in stmts.values())} executions), in order of first appearance.\n'
                  '-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.\n'
                  '-- Each statement (with its comment lines) is ended by a line holding only ;;\n')
        for i, sql in enumerate(order, 1):
            s = stmts[sql]
            out.write(f'-- #{i} protocol: {", ".join(sorted(s["proto"]))}; executed {s["n"]}x; '
                      f'db={s["db"]}; application_name={s["app"] or "-"}\n')
            for p in s['params'][:4]:
                out.write(f'-- parameters: {p[:2000]}\n')
            if len(s['params']) > 4:
                out.write(f'-- ({len(s["params"]) - 4} more distinct parameter sets)\n')
            for err in s['errors'][:2]:
                out.write(f'-- server ERROR: {err[:500]}\n')
            out.write(sql + '\n;;\n')
    print(f'{dst}: {len(order)} distinct / {sum(s["n"] for s in stmts.values())} total')

if __name__ == '__main__':
    main(*sys.argv[1:4])
