-- pg: CREATE TABLE t (id int8 PRIMARY KEY, name varchar(50), amount numeric(12,2), at timestamptz, flag bool, d date)
-- sqlite: CREATE TABLE "t" ("id" int8 NOT NULL, "name" varchar(50), "amount" numeric TEXT(12,2) COLLATE lg_numeric, "at" timestamptz TEXT, "flag" bool, "d" date TEXT, CONSTRAINT "t_pkey" PRIMARY KEY ("id"))

insert into t (id, name, amount, at, flag, d) values ($1, $2, $3, $4, $5, $6)
-- args: 1 | one | 12.5 | 2026-04-23 10:00:00+02 | true | 2026-04-23
=> INSERT INTO "t" ("id", "name", "amount", "at", "flag", "d") VALUES (?1, lg_cast(?2, 1043, 1043, 54), lg_cast(?3, 1700, 1700, 786438), ?4, ?5, ?6)
   params: int8 varchar numeric timestamptz bool date
   tag: INSERT 0 <n> [writes]
   changes: 1

insert into t values ($1, $2, $3, $4, $5, $6)
-- args: 2 | two | 0.125 | 2026-04-23T11:00:00.5Z | f | 2026-04-24
=> INSERT INTO "t" ("id", "name", "amount", "at", "flag", "d") VALUES (?1, lg_cast(?2, 1043, 1043, 54), lg_cast(?3, 1700, 1700, 786438), ?4, ?5, ?6)
   params: int8 varchar numeric timestamptz bool date
   tag: INSERT 0 <n> [writes]
   changes: 1

select * from t where id = $1 and name = $2
-- args: 1 | one
=> SELECT "t"."id" AS "id", "t"."name" AS "name", "t"."amount" AS "amount", "t"."at" AS "at", "t"."flag" AS "flag", "t"."d" AS "d" FROM "t" WHERE (("t"."id" = ?1) AND ("t"."name" = ?2))
   params: int8 text
   columns: id int8 @1, name varchar(54) @2, amount numeric(786438) @3, at timestamptz @4, flag bool @5, d date @6
   tag: SELECT <n>
   | 1 | one | 12.50 | 2026-04-23 08:00:00+00 | t | 2026-04-23 |

select id from t where at >= $1 and amount > $2 and flag = $3 order by id
-- args: 2026-04-23 00:00:00Z | 1 | t
=> SELECT "t"."id" AS "id" FROM "t" WHERE (("t"."at" >= ?1) AND ("t"."amount" > ?2 COLLATE lg_numeric) AND ("t"."flag" = ?3)) ORDER BY 1 ASC NULLS LAST
   params: timestamptz numeric bool
   columns: id int8 @1
   tag: SELECT <n>
   | 1 |

select id from t order by id limit $1 offset $2
-- args: 1 | 1
=> SELECT "t"."id" AS "id" FROM "t" ORDER BY 1 ASC NULLS LAST LIMIT lg_limit(?1, 0) OFFSET lg_limit(?2, 1)
   params: int8 int8
   columns: id int8 @1
   tag: SELECT <n>
   | 2 |

select $1
=> SELECT ?1 AS "?column?"
   params: text
   columns: ?column? text
   tag: SELECT <n>

select $1::int4, $2::text
=> SELECT ?1 AS "int4", ?2 AS "text"
   params: int4 text
   columns: int4 int4, text text
   tag: SELECT <n>

select $1 + 1, $2 || 'x', length($3), abs($4)
=> SELECT lg_int_check(?1 + 1, 32) AS "?column?", ?2 || 'x' AS "?column?:1", length(?3) AS "length", abs(?4) AS "abs"
   params: int4 text text float8
   columns: ?column? int4, ?column? text, length int4, abs float8
   tag: SELECT <n>

select id from t where name like $1 or $2
=> SELECT "t"."id" AS "id" FROM "t" WHERE (("t"."name" LIKE ?1 ESCAPE '\') OR ?2)
   params: text bool
   columns: id int8 @1
   tag: SELECT <n>

select coalesce($1, 1), greatest($2, 1, 2.5), case when $3 then $4 else 1 end
=> SELECT coalesce(?1, 1) AS "coalesce", lg_greatest(1, ?2, '1', '2.5') AS "greatest", CASE WHEN ?3 THEN ?4 ELSE 1 END AS "case"
   params: int4 numeric bool int4
   columns: coalesce int4, greatest numeric, case int4
   tag: SELECT <n>

select $1 = $2
=> SELECT ?1 = ?2 AS "?column?"
   params: text text
   columns: ?column? bool
   tag: SELECT <n>

select $1 is null
=> ERROR 42P18 could not determine data type of parameter $1

select $2::int4
=> ERROR 42P18 could not determine data type of parameter $1

-- params: int8 text
select id from t where id = $1 or name = $2
=> SELECT "t"."id" AS "id" FROM "t" WHERE (("t"."id" = ?1) OR ("t"."name" = ?2))
   params: int8 text
   columns: id int8 @1
   tag: SELECT <n>

-- params: 0 int4
select $1 = $2, $2
=> SELECT ?1 = ?2 AS "?column?", ?2 AS "?column?:1"
   params: int4 int4
   columns: ?column? bool, ?column? int4
   tag: SELECT <n>

select id from t where id in ($1, $2) and d between $3 and $4
=> SELECT "t"."id" AS "id" FROM "t" WHERE (("t"."id" IN (?1, ?2)) AND ("t"."d" >= ?3 AND "t"."d" <= ?4))
   params: int8 int8 date date
   columns: id int8 @1
   tag: SELECT <n>

update t set name = $1 where id = $2 returning name
-- args: uno | 1
=> UPDATE "t" SET "name" = lg_cast(?1, 1043, 1043, 54) WHERE ("t"."id" = ?2) RETURNING "name" AS "name"
   params: varchar int8
   columns: name varchar(54) @2
   tag: UPDATE <n> [writes]
   | uno |

select $1 + $2
=> ERROR 42725 operator is not unique: unknown + unknown (position 11)
   hint: Could not choose a best candidate operator. You might need to add explicit type casts.

select -$1
=> ERROR 42725 operator is not unique: - unknown (position 8)
   hint: Could not choose a best candidate operator. You might need to add explicit type casts.

select $1 = 'a' and $1 = 1
=> ERROR 42883 operator does not exist: text = integer (position 24)
   hint: No operator matches the given name and argument types. You might need to add explicit type casts.

select id from t where id = any($1) order by id
-- args: {1,2,3}
=> SELECT "t"."id" AS "id" FROM "t" WHERE ("t"."id" IN (SELECT value FROM json_each(lg_array_json(?1, 20)))) ORDER BY 1 ASC NULLS LAST
   params: _int8
   columns: id int8 @1
   tag: SELECT <n>
   | 1 |
   | 2 |

select id from t where id = any($1::int8[]) and name <> all($2) order by id
-- args: {1,2} | {x,"y z"}
=> SELECT "t"."id" AS "id" FROM "t" WHERE (("t"."id" IN (SELECT value FROM json_each(lg_array_json(?1, 20)))) AND ("t"."name" NOT IN (SELECT value FROM json_each(lg_array_json(?2, 25))))) ORDER BY 1 ASC NULLS LAST
   params: _int8 _text
   columns: id int8 @1
   tag: SELECT <n>
   | 1 |
   | 2 |

select id from t where name = any('{one,two}') order by id
=> SELECT "t"."id" AS "id" FROM "t" WHERE ("t"."name" IN (SELECT value FROM json_each(lg_array_json('{one,two}', 25)))) ORDER BY 1 ASC NULLS LAST
   columns: id int8 @1
   tag: SELECT <n>
   | 2 |

select id from t where id = any(array[1, 2]) and amount > any('{1,100.5}') order by id
=> SELECT "t"."id" AS "id" FROM "t" WHERE (("t"."id" IN (1, 2)) AND (EXISTS (SELECT 1 FROM json_each(lg_array_json('{1,100.5}', 1700)) WHERE "t"."amount" > value COLLATE lg_numeric))) ORDER BY 1 ASC NULLS LAST
   columns: id int8 @1
   tag: SELECT <n>
   | 1 |

select 1 = any(array[]::int4[])
=> SELECT 0 AS "?column?"
   columns: ?column? bool
   tag: SELECT <n>
   | f |

select id from t where at = any($1)
-- args: {"2026-04-23 08:00:00+00",NULL}
=> SELECT "t"."id" AS "id" FROM "t" WHERE ("t"."at" IN (SELECT value FROM json_each(lg_array_json(?1, 1184))))
   params: _timestamptz
   columns: id int8 @1
   tag: SELECT <n>
   | 1 |

