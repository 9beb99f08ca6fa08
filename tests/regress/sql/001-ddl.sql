-- cleanup: drop table if exists ddl_child, ddl_parent, ddl_types, ddl_cons, ddl_idx, ddl_t1, ddl_t2 cascade
-- CREATE TABLE with every supported type, constraints, DROP, indexes.
CREATE TABLE ddl_types (
    c_int2 int2,
    c_smallint smallint,
    c_int4 int4,
    c_integer integer,
    c_int int,
    c_int8 int8,
    c_bigint bigint,
    c_smallserial smallserial,
    c_serial serial,
    c_bigserial bigserial,
    c_text text,
    c_varchar varchar(20),
    c_charvar character varying(5),
    c_varchar_nolen varchar,
    c_char char(3),
    c_character character(2),
    c_bool boolean,
    c_bool2 bool,
    c_real real,
    c_float4 float4,
    c_double double precision,
    c_float8 float8,
    c_numeric numeric(10,2),
    c_decimal decimal(5),
    c_numeric_any numeric,
    c_date date,
    c_time time,
    c_timestamp timestamp,
    c_timestamp3 timestamp(3),
    c_timestamptz timestamptz,
    c_timestamptz_long timestamp with time zone,
    c_uuid uuid,
    c_json json,
    c_jsonb jsonb,
    c_bytea bytea
);
INSERT INTO ddl_types DEFAULT VALUES;
SELECT c_smallserial, c_serial, c_bigserial, c_text IS NULL AS text_null FROM ddl_types;
INSERT INTO ddl_types (c_int2, c_int4, c_int8, c_text, c_varchar, c_char, c_bool, c_real, c_double,
    c_numeric, c_date, c_time, c_timestamp, c_timestamp3, c_timestamptz, c_uuid, c_json, c_jsonb, c_bytea)
VALUES (-32768, 2147483647, -9223372036854775808, 'héllo wörld', 'varchar', 'ab', true, 1.5, 2.25,
    12345678.9, '2026-04-23', '10:00:00.5', '2026-04-23 10:00:00.123456', '2026-04-23 10:00:00.123456',
    '2026-04-23 10:00:00.123+00', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"b": 1,  "a": [1, 2]}',
    '{"b": 1,  "a": [1, 2]}', '\xdeadbeef');
SELECT * FROM ddl_types ORDER BY c_serial;
-- char(n) pads, varchar(n) does not
SELECT c_char, length(c_char) AS len, c_char || '|' AS concat, octet_length(c_char) AS octets FROM ddl_types WHERE c_char IS NOT NULL;
-- length limits
INSERT INTO ddl_types (c_varchar) VALUES ('123456789012345678901');
INSERT INTO ddl_types (c_char) VALUES ('abcd');
INSERT INTO ddl_types (c_charvar) VALUES ('abcde');
INSERT INTO ddl_types (c_numeric) VALUES (123456789.123);
INSERT INTO ddl_types (c_int2) VALUES (32768);
INSERT INTO ddl_types (c_int4) VALUES (2147483648);
-- constraints
CREATE TABLE ddl_parent (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name varchar(50) NOT NULL DEFAULT 'unnamed',
    created_at timestamptz NOT NULL DEFAULT now(),
    score int DEFAULT 10 CHECK (score >= 0),
    CONSTRAINT ddl_parent_name_len CHECK (length(name) > 0)
);
CREATE TABLE ddl_child (
    id bigserial PRIMARY KEY,
    parent_id int NOT NULL REFERENCES ddl_parent(id) ON DELETE CASCADE ON UPDATE CASCADE,
    other_id int REFERENCES ddl_parent ON DELETE SET NULL ON UPDATE CASCADE,
    qty int NOT NULL CONSTRAINT ddl_child_qty_positive CHECK (qty > 0),
    note text,
    CONSTRAINT ddl_child_unique_note UNIQUE (parent_id, note)
);
INSERT INTO ddl_parent (code) VALUES ('p1'), ('p2');
SELECT id, code, name, created_at IS NOT NULL AS has_created, score FROM ddl_parent ORDER BY id;
INSERT INTO ddl_child (parent_id, other_id, qty, note) VALUES (1, 2, 5, 'a'), (1, 2, 1, 'b'), (2, NULL, 3, 'a');
INSERT INTO ddl_child (id, parent_id, qty) VALUES (100, 99, 1);
INSERT INTO ddl_child (id, parent_id, qty) VALUES (101, 1, 0);
INSERT INTO ddl_child (id, parent_id, qty, note) VALUES (102, 1, 1, 'a');
INSERT INTO ddl_parent (id, code, score, created_at) VALUES (3, 'p3', -1, '2026-01-01 00:00:00+00');
INSERT INTO ddl_parent (id, code, name, created_at) VALUES (4, 'p4', '', '2026-01-01 00:00:00+00');
INSERT INTO ddl_parent (id, code, created_at) VALUES (5, NULL, '2026-01-01 12:30:00+00');
INSERT INTO ddl_parent (code) VALUES ('p1');
-- ON UPDATE CASCADE, ON DELETE SET NULL, ON DELETE CASCADE
UPDATE ddl_parent SET id = 20 WHERE id = 2;
SELECT id, parent_id, other_id, qty, note FROM ddl_child ORDER BY id;
DELETE FROM ddl_parent WHERE id = 20;
SELECT id, parent_id, other_id, qty, note FROM ddl_child ORDER BY id;
DELETE FROM ddl_parent WHERE id = 1;
SELECT count(*) FROM ddl_child;
-- ON DELETE RESTRICT / NO ACTION (default)
CREATE TABLE ddl_t1 (id int PRIMARY KEY);
CREATE TABLE ddl_t2 (id int PRIMARY KEY, t1_id int CONSTRAINT ddl_t2_fk REFERENCES ddl_t1 (id) ON DELETE RESTRICT,
    t1_id2 int REFERENCES ddl_t1 (id));
INSERT INTO ddl_t1 VALUES (1), (2);
INSERT INTO ddl_t2 VALUES (1, 1, NULL), (2, NULL, 2);
DELETE FROM ddl_t1 WHERE id = 1;
DELETE FROM ddl_t1 WHERE id = 2;
UPDATE ddl_t1 SET id = 3 WHERE id = 2;
-- table-level primary key, composite
CREATE TABLE ddl_cons (
    a int,
    b text,
    c int,
    PRIMARY KEY (a, b),
    UNIQUE (c)
);
INSERT INTO ddl_cons VALUES (1, 'x', 1), (1, 'y', 2);
INSERT INTO ddl_cons VALUES (1, 'x', 3);
INSERT INTO ddl_cons VALUES (NULL, 'x', 4);
INSERT INTO ddl_cons VALUES (2, 'x', NULL), (3, 'x', NULL);
SELECT * FROM ddl_cons ORDER BY a, b;
-- already exists
CREATE TABLE ddl_cons (a int);
CREATE TABLE IF NOT EXISTS ddl_cons (a int);
-- indexes
CREATE TABLE ddl_idx (id int, email text, name text);
CREATE INDEX ddl_idx_name ON ddl_idx (name);
CREATE INDEX IF NOT EXISTS ddl_idx_name ON ddl_idx (name);
CREATE UNIQUE INDEX ddl_idx_email ON ddl_idx USING btree (email);
CREATE UNIQUE INDEX IF NOT EXISTS ddl_idx_email2 ON ddl_idx USING btree (lower(email));
CREATE INDEX ON ddl_idx (id DESC, name ASC);
CREATE INDEX ddl_idx_name ON ddl_idx (name);
INSERT INTO ddl_idx VALUES (1, 'a@b.c', 'a');
INSERT INTO ddl_idx VALUES (2, 'a@b.c', 'b');
INSERT INTO ddl_idx VALUES (3, 'A@B.C', 'c');
DROP INDEX ddl_idx_email;
DROP INDEX IF EXISTS ddl_idx_email;
DROP INDEX ddl_idx_nope;
INSERT INTO ddl_idx VALUES (2, 'b@b.c', 'b');
-- expression keys: PostgreSQL's spelling of each key, the first index created wins
CREATE TABLE ddl_ixe (id serial PRIMARY KEY, email text, a int);
CREATE UNIQUE INDEX ddl_ixe_e ON ddl_ixe (lower(email), (a + 1) DESC);
CREATE UNIQUE INDEX ddl_ixe_f ON ddl_ixe (coalesce(a, 0), upper(email));
INSERT INTO ddl_ixe (email, a) VALUES ('A@b.c', 1);
INSERT INTO ddl_ixe (email, a) VALUES ('a@B.c', 1);
INSERT INTO ddl_ixe (email, a) VALUES ('a@B.c', 2);
INSERT INTO ddl_ixe (email, a) VALUES ('A@B.C', 2);
UPDATE ddl_ixe SET a = 1 WHERE id = 3;
INSERT INTO ddl_ixe (email, a) VALUES (NULL, 5), (NULL, 5);
DROP TABLE ddl_ixe;
-- DROP TABLE
DROP TABLE ddl_nope;
DROP TABLE IF EXISTS ddl_nope;
DROP TABLE ddl_t1;
DROP TABLE ddl_t1 CASCADE;
INSERT INTO ddl_t2 VALUES (3, 99, NULL);
DROP TABLE IF EXISTS ddl_t2, ddl_cons;
DROP TABLE ddl_types, ddl_idx, ddl_child, ddl_parent;
