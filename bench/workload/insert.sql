-- (2) insert ... returning; id and created_at come from the column defaults.
\set n random(1, 1000000000)
\set score random(0, 1000)
INSERT INTO bench_users (name, email, score) VALUES (:n, :n, :score) RETURNING id, created_at;
