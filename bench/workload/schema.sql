-- Table for the benchmark; rows are loaded by bench/run.sh with multi-row INSERT ... VALUES.
DROP TABLE IF EXISTS bench_users;
CREATE TABLE bench_users (
	id serial PRIMARY KEY,
	name text NOT NULL,
	email varchar(255) NOT NULL,
	score integer NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL DEFAULT now()
);
