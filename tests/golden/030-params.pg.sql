-- pg: CREATE TABLE t (id int8 PRIMARY KEY, name varchar(50), amount numeric(12,2), at timestamptz, flag bool, d date)
-- sqlite: CREATE TABLE "t" ("id" int8 NOT NULL, "name" varchar(50), "amount" numeric TEXT(12,2) COLLATE lg_numeric, "at" timestamptz TEXT, "flag" bool, "d" date TEXT, CONSTRAINT "t_pkey" PRIMARY KEY ("id"))

insert into t (id, name, amount, at, flag, d) values ($1, $2, $3, $4, $5, $6)
-- args: 1 | one | 12.5 | 2026-04-23 10:00:00+02 | true | 2026-04-23

insert into t values ($1, $2, $3, $4, $5, $6)
-- args: 2 | two | 0.125 | 2026-04-23T11:00:00.5Z | f | 2026-04-24

select * from t where id = $1 and name = $2
-- args: 1 | one

select id from t where at >= $1 and amount > $2 and flag = $3 order by id
-- args: 2026-04-23 00:00:00Z | 1 | t

select id from t order by id limit $1 offset $2
-- args: 1 | 1

select $1

select $1::int4, $2::text

select $1 + 1, $2 || 'x', length($3), abs($4)

select id from t where name like $1 or $2

select coalesce($1, 1), greatest($2, 1, 2.5), case when $3 then $4 else 1 end

select $1 = $2

select $1 is null

select $2::int4

-- params: int8 text
select id from t where id = $1 or name = $2

-- params: 0 int4
select $1 = $2, $2

select id from t where id in ($1, $2) and d between $3 and $4

update t set name = $1 where id = $2 returning name
-- args: uno | 1

select $1 + $2

select -$1

select $1 = 'a' and $1 = 1

select id from t where id = any($1) order by id
-- args: {1,2,3}

select id from t where id = any($1::int8[]) and name <> all($2) order by id
-- args: {1,2} | {x,"y z"}

select id from t where name = any('{one,two}') order by id

select id from t where id = any(array[1, 2]) and amount > any('{1,100.5}') order by id

select 1 = any(array[]::int4[])

select id from t where at = any($1)
-- args: {"2026-04-23 08:00:00+00",NULL}
