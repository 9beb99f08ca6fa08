-- cleanup: drop table if exists ins_users, ins_counters, ins_log cascade
-- INSERT: multi-row, DEFAULT keyword, DEFAULT VALUES, RETURNING, ON CONFLICT.
CREATE TABLE ins_users (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text,
    active boolean NOT NULL DEFAULT true,
    score numeric(6,2) DEFAULT 0,
    visits int NOT NULL DEFAULT 0
);
INSERT INTO ins_users (email, name) VALUES ('a@x.io', 'Ann');
INSERT INTO ins_users (email, name) VALUES ('b@x.io', 'Bob'), ('c@x.io', NULL), ('d@x.io', 'Dee');
INSERT INTO ins_users (email, name, active, score) VALUES ('e@x.io', DEFAULT, DEFAULT, DEFAULT);
INSERT INTO ins_users VALUES (DEFAULT, 'f@x.io', 'Fay', false, 12.5, 3);
INSERT INTO ins_users (email) VALUES ('g@x.io') RETURNING *;
INSERT INTO ins_users (email, name, score) VALUES ('h@x.io', 'Hal', 1.005), ('i@x.io', 'Ivy', 99.999)
    RETURNING id, email, upper(name) AS shout, score * 2 AS double_score, id + 100, active AND id > 8 AS both;
INSERT INTO ins_users (email) VALUES ('j@x.io') RETURNING id AS "New Id", 'const' AS c, NULL AS n;
SELECT * FROM ins_users ORDER BY id;
-- DEFAULT VALUES
CREATE TABLE ins_counters (id bigserial PRIMARY KEY, n int DEFAULT 42, label text DEFAULT 'x' || 'y', t timestamptz DEFAULT '2026-01-02 03:04:05+00');
INSERT INTO ins_counters DEFAULT VALUES;
INSERT INTO ins_counters DEFAULT VALUES RETURNING *;
INSERT INTO ins_counters (n) VALUES (NULL) RETURNING id, n, label;
-- ON CONFLICT DO NOTHING
INSERT INTO ins_users (email, name) VALUES ('a@x.io', 'Again') ON CONFLICT DO NOTHING;
INSERT INTO ins_users (email, name) VALUES ('a@x.io', 'Again') ON CONFLICT (email) DO NOTHING RETURNING *;
-- (ids are not shown after a conflict: PostgreSQL burns sequence values on conflicting rows)
INSERT INTO ins_users (email, name) VALUES ('a@x.io', 'Again'), ('k@x.io', 'Kim') ON CONFLICT DO NOTHING RETURNING email, name;
INSERT INTO ins_users (email, name) VALUES ('z@x.io', 'Zed') ON CONFLICT ON CONSTRAINT ins_users_email_key DO NOTHING;
-- ON CONFLICT DO UPDATE with EXCLUDED and WHERE
INSERT INTO ins_users (email, name, visits) VALUES ('a@x.io', 'Ann2', 1)
    ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, visits = ins_users.visits + EXCLUDED.visits
    RETURNING id, email, name, visits;
INSERT INTO ins_users (email, name, visits) VALUES ('a@x.io', 'Ann3', 1)
    ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name WHERE ins_users.visits > 5
    RETURNING id, email, name;
INSERT INTO ins_users AS u (email, name, visits) VALUES ('b@x.io', 'Bob2', 7), ('l@x.io', 'Lou', 1)
    ON CONFLICT (email) DO UPDATE SET visits = u.visits + excluded.visits, name = excluded.name || '!'
    WHERE u.active
    RETURNING u.email, u.name, u.visits;
INSERT INTO ins_users (id, email) VALUES (1, 'new@x.io')
    ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email RETURNING id, email;
INSERT INTO ins_users (email, name) VALUES ('m@x.io', 'x'), ('m@x.io', 'y')
    ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name;
INSERT INTO ins_users (email, name) VALUES ('n@x.io', 'x') ON CONFLICT (name) DO NOTHING;
SELECT email, name, active, score, visits FROM ins_users ORDER BY email;
-- INSERT ... SELECT
CREATE TABLE ins_log (id serial PRIMARY KEY, email text, at date DEFAULT '2026-04-23');
INSERT INTO ins_log (email) SELECT email FROM ins_users WHERE visits > 0 ORDER BY email;
INSERT INTO ins_log (email) SELECT email FROM ins_users WHERE false;
SELECT * FROM ins_log ORDER BY id;
-- errors
INSERT INTO ins_users (email, no_such_col) VALUES ('x', 1);
INSERT INTO ins_users (email) VALUES ('x', 'y');
INSERT INTO ins_users (email, name) VALUES ('x');
INSERT INTO ins_nope VALUES (1);
INSERT INTO ins_users (id, email) VALUES ('abc', 'x');
INSERT INTO ins_users (email, active) VALUES ('x', 'maybe');
DROP TABLE ins_users, ins_counters, ins_log;
