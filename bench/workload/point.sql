-- (1) point select by primary key. :rows comes from pgbench -D rows=N.
\set id random(1, :rows)
SELECT id, name, email, score, created_at FROM bench_users WHERE id = :id;
