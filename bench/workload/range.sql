-- (3) 20-row range select, ORDER BY + LIMIT $ OFFSET $ (one of the first five pages
-- after a random starting key), every value bound as a parameter.
\set lo random(1, :rows - 200)
\set lim 20
\set off random(0, 4) * 20
SELECT id, name, email, score, created_at FROM bench_users WHERE id >= :lo ORDER BY id LIMIT :lim OFFSET :off;
