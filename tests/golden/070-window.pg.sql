-- pg: CREATE TABLE s (id int4 PRIMARY KEY, dept text, amount numeric(8,2), qty int4)
-- pg: INSERT INTO s VALUES (1, 'a', 10, 1), (2, 'a', 20, 2), (3, 'b', 5, 3), (4, 'b', NULL, 4), (5, 'a', 30, NULL)
-- sqlite: CREATE TABLE "s" ("id" int4 NOT NULL, "dept" text, "amount" numeric TEXT(8,2) COLLATE lg_numeric, "qty" int4, CONSTRAINT "s_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO s VALUES (1, 'a', '10.00', 1), (2, 'a', '20.00', 2), (3, 'b', '5.00', 3), (4, 'b', NULL, 4), (5, 'a', '30.00', NULL)

select id, row_number() over (order by id desc), rank() over (partition by dept order by amount), dense_rank() over (order by dept) from s order by id

select id, sum(amount) over (partition by dept), avg(qty) over (partition by dept), count(*) over () from s order by id

select id, sum(amount) over (order by id rows between 1 preceding and current row), max(qty) over (order by id rows unbounded preceding) from s order by id

select id, lag(amount) over (order by id), lead(qty, 2, 0) over (order by id), first_value(id) over (partition by dept order by id), ntile(2) over (order by id) from s order by id

select id, percent_rank() over (order by qty), cume_dist() over (order by qty nulls first) from s order by id

-- nopg: PostgreSQL says 42P20, not in common/sqlstate.def yet
select id from s where row_number() over () > 1

select dept, sum(sum(qty)) over () from s group by dept order by dept

select row_number() from s

select lower(dept) over () from s
