-- pg: CREATE TABLE emp (id int4 PRIMARY KEY, boss int4, name text, salary numeric(10,2))
-- pg: INSERT INTO emp VALUES (1, NULL, 'root', 100), (2, 1, 'a', 50), (3, 1, 'b', 60), (4, 2, 'c', 10)
-- sqlite: CREATE TABLE "emp" ("id" int4 NOT NULL, "boss" int4, "name" text, "salary" numeric TEXT(10,2) COLLATE lg_numeric, CONSTRAINT "emp_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO emp VALUES (1, NULL, 'root', '100.00'), (2, 1, 'a', '50.00'), (3, 1, 'b', '60.00'), (4, 2, 'c', '10.00')

with rich as (select id, name from emp where salary > 55) select * from rich order by id

with a(x) as (select 1), b as (select x + 1 as y from a) select a.x, b.y from a, b

with recursive chain(id, depth) as (select id, 0 from emp where boss is null union all select e.id, c.depth + 1 from emp e join chain c on e.boss = c.id) select * from chain order by id

with recursive n(i) as (values (1) union all select i + 1 from n where i < 5) select sum(i) from n

with t as (select 1 as a) insert into emp (id, name) select a + 10, 'new' from t returning id

with t as (select id from emp where name = 'new') delete from emp where id in (select id from t)

with t as (select max(salary) as m from emp) update emp set salary = (select m from t) where id = 4 returning salary

with x as (select 1), x as (select 2) select 1

-- nopg: not supported
with x as (delete from emp returning *) select 1

select * from (with q as (select 2 as v) select v from q) s
