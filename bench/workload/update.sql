-- (4) update by primary key.
\set id random(1, :rows)
\set score random(0, 1000)
UPDATE bench_users SET score = :score WHERE id = :id;
