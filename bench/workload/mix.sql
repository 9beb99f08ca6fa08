-- All four statements in one script (each its own autocommit statement):
-- one pgbench "transaction" = point select + insert returning + range select + update.
\set id random(1, :rows)
\set n random(1, 1000000000)
\set score random(0, 1000)
\set lo random(1, :rows - 200)
\set lim 20
\set off random(0, 4) * 20
SELECT id, name, email, score, created_at FROM bench_users WHERE id = :id;
INSERT INTO bench_users (name, email, score) VALUES (:n, :n, :score) RETURNING id, created_at;
SELECT id, name, email, score, created_at FROM bench_users WHERE id >= :lo ORDER BY id LIMIT :lim OFFSET :off;
UPDATE bench_users SET score = :score WHERE id = :id;
