-- pg: CREATE TABLE users (id int4 PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text, created_at timestamptz NOT NULL DEFAULT now(), score numeric(10,2), active bool DEFAULT true, org_id int8)
-- pg: CREATE TABLE orgs (id int8 PRIMARY KEY, name text NOT NULL)
-- pg: INSERT INTO users VALUES (1, 'a@x.io', 'Ann', '2026-04-20 10:00:00+00', '10.50', true, 1), (2, 'b@x.io', 'Bob', '2026-04-23 12:30:00.25+00', '3.00', false, 1), (3, 'c@x.io', NULL, '2026-04-24 00:00:00+00', NULL, true, 2), (4, 'd@x.io', 'dan', '2026-05-01 08:00:00+00', '100.00', NULL, NULL)
-- pg: INSERT INTO orgs VALUES (1, 'Acme'), (2, 'Beta'), (3, 'Empty')
-- sqlite: CREATE TABLE "users" ("id" int4 NOT NULL, "email" varchar(255) NOT NULL, "name" text, "created_at" timestamptz TEXT NOT NULL DEFAULT (lg_now()), "score" numeric TEXT(10,2) COLLATE lg_numeric, "active" bool DEFAULT (1), "org_id" int8, CONSTRAINT "users_pkey" PRIMARY KEY ("id"), CONSTRAINT "users_email_key" UNIQUE ("email"))
-- sqlite: CREATE TABLE "orgs" ("id" int8 NOT NULL, "name" text NOT NULL, CONSTRAINT "orgs_pkey" PRIMARY KEY ("id"))
-- sqlite: INSERT INTO users VALUES (1, 'a@x.io', 'Ann', '2026-04-20 10:00:00', '10.50', 1, 1), (2, 'b@x.io', 'Bob', '2026-04-23 12:30:00.25', '3.00', 0, 1), (3, 'c@x.io', NULL, '2026-04-24 00:00:00', NULL, 1, 2), (4, 'd@x.io', 'dan', '2026-05-01 08:00:00', '100.00', NULL, NULL)
-- sqlite: INSERT INTO orgs VALUES (1, 'Acme'), (2, 'Beta'), (3, 'Empty')

select * from users order by id

select id, email from users where id = $1

select id, email from users where created_at >= '2026-04-23T00:00:00.000Z' order by created_at desc

select users.* , 1 as one from users where active order by 1 limit 2 offset 1

select u.id, o.name from users u join orgs o on o.id = u.org_id order by u.id

select u.id, o.name from users u left join orgs o on o.id = u.org_id order by u.id

select o.name, u.id from users u right join orgs o on o.id = u.org_id order by o.name, u.id

select u.id, o.id from users u full join orgs o on o.id = u.org_id order by 1, 2

select * from users u cross join orgs o where u.id = 1 and o.id = 2

select count(*), max(score), min(created_at), sum(id), avg(id), sum(score), avg(score) from users

select org_id, count(*) as n from users group by org_id order by org_id nulls first

select org_id, count(*) from users group by 1 having count(*) > 1

select name from users group by org_id

select id, name from users group by id order by id

select distinct org_id from users order by org_id

select id from users where name like 'A%' or name ilike 'D%' order by id

select id from users where name not like '%n' order by id

select id from users where id in (1, 3) and org_id not in (2) order by id

select id from users where score between 3 and 11 order by id

select id from users where active is not true order by id

select id from users where org_id is distinct from 1 order by id

select id, case when score > 10 then 'big' when score is null then 'none' else 'small' end from users order by id

select coalesce(name, 'anon'), nullif(org_id, 1), greatest(id, 2), least(id, 2, null) from users order by id

select id from users where exists (select 1 from orgs o where o.id = users.org_id and o.name = 'Beta')

select id, (select name from orgs where orgs.id = users.org_id) as org from users order by id

select id from users where org_id in (select id from orgs where name <> 'Acme') order by id

select id, email from users union select id, name from orgs order by 1, 2

select id from users union all select id from orgs except select 2 order by 1

select 1 union select 2.5

values (1, 'a'), (2, 'b')

select * from (values (1, 'x'), (2, null)) as v(n, s) order by n desc

select * from (select id, email as mail from users where id < 3) s order by s.id

select 1, 'abc', 1.50, null, true, 1::int4, 'x'::text, 2::int8 as big, 3000000000, -7

select nope from users

select users.nope from users

select id from users, orgs

select x.id from users

select * from nope

select id from users u where users.id = 1

select 1 from users group by nope

select count(*) from users where count(*) > 1

select * from generate_series(1, 3)

select g from generate_series(10, 1, -4) as g

select s.n * 2 from generate_series(1, 3) as s(n) where s.n > 1

select * from current_schema()

select u.id, x from users u, lower('ABC') x where u.id = 1

select * from generate_series(1, 3, 0)

select count(*) from generate_series(1, 100000)

select distinct on (org_id) org_id, id, name from users order by org_id, id desc

select distinct on (1) org_id, email from users order by 1 nulls first, score desc nulls last limit 2

select count(*) from (select distinct on (active) id from users) s

select distinct on (org_id) id from users order by id
