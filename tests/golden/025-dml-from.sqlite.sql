-- UPDATE ... FROM / DELETE ... USING whose RETURNING sees the FROM items
-- (rewrite/dml_from.c) and ON CONFLICT DO UPDATE meeting a row twice
-- (rewrite/upsert.c).

drop table if exists df_items, df_prices
   tag: DROP TABLE [ddl] [writes]

create table df_items (id int primary key, name text, price numeric(10,2), tag text)
=> CREATE TABLE "df_items" ("id" int4 NOT NULL, "name" text, "price" numeric TEXT(10,2) COLLATE lg_numeric, "tag" text, CONSTRAINT "df_items_pkey" PRIMARY KEY ("id"))
   tag: CREATE TABLE [ddl] [writes]

create table df_prices (item_id int, new_price numeric(10,2), note text)
=> CREATE TABLE "df_prices" ("item_id" int4, "new_price" numeric TEXT(10,2) COLLATE lg_numeric, "note" text)
   tag: CREATE TABLE [ddl] [writes]

insert into df_items values (1, 'a', 1, 'x'), (2, 'b', 2, 'y'), (3, 'c', 3, 'x')
=> INSERT INTO "df_items" ("id", "name", "price", "tag") VALUES (1, 'a', '1.00', 'x'), (2, 'b', '2.00', 'y'), (3, 'c', '3.00', 'x')
   tag: INSERT 0 <n> [writes]
   changes: 3

insert into df_prices values (1, 1.25, 'n1'), (3, 2.99, 'n3')
=> INSERT INTO "df_prices" ("item_id", "new_price", "note") VALUES (1, '1.25', 'n1'), (3, '2.99', 'n3')
   tag: INSERT 0 <n> [writes]
   changes: 2

update df_items as i set price = p.new_price from df_prices p where p.item_id = i.id returning i.id, i.name, i.price, p.new_price as from_price, p.note
=> DROP TABLE IF EXISTS temp."lg_dml_from"
=> CREATE TEMP TABLE "lg_dml_from" ("lg_rid" INTEGER PRIMARY KEY, "c1", "c2", "c3", "s1")
=> INSERT OR IGNORE INTO temp."lg_dml_from" SELECT "i".rowid, "p"."item_id", "p"."new_price", "p"."note", "p"."new_price" FROM "df_items" AS "i", "df_prices" AS "p" WHERE ("p"."item_id" = "i"."id")
=> UPDATE "df_items" AS "i" SET "price" = (SELECT "s1" FROM temp."lg_dml_from" WHERE "lg_rid" = "i".rowid) WHERE rowid IN (SELECT "lg_rid" FROM temp."lg_dml_from") RETURNING "id" AS "id", "name" AS "name", "price" AS "price", (SELECT "c2" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) AS "from_price", (SELECT "c3" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) AS "note"
   columns: id int4 @1, name text @2, price numeric(655366) @3, from_price numeric(655366) @2, note text @3
   tag: UPDATE <n> [writes]
   | 1 | a | 1.25 | 1.25 | n1 |
   | 3 | c | 2.99 | 2.99 | n3 |

update df_items set name = upper(name) from df_prices where df_prices.item_id = df_items.id and df_prices.note = 'n1' returning *
=> DROP TABLE IF EXISTS temp."lg_dml_from"
=> CREATE TEMP TABLE "lg_dml_from" ("lg_rid" INTEGER PRIMARY KEY, "c1", "c2", "c3", "s1")
=> INSERT OR IGNORE INTO temp."lg_dml_from" SELECT "df_items".rowid, "df_prices"."item_id", "df_prices"."new_price", "df_prices"."note", upper("df_items"."name") FROM "df_items", "df_prices" WHERE (("df_prices"."item_id" = "df_items"."id") AND ("df_prices"."note" = 'n1'))
=> UPDATE "df_items" SET "name" = (SELECT "s1" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) WHERE rowid IN (SELECT "lg_rid" FROM temp."lg_dml_from") RETURNING "id" AS "id", "name" AS "name", "price" AS "price", "tag" AS "tag", (SELECT "c1" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) AS "item_id", (SELECT "c2" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) AS "new_price", (SELECT "c3" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) AS "note"
   columns: id int4 @1, name text @2, price numeric(655366) @3, tag text @4, item_id int4 @1, new_price numeric(655366) @2, note text @3
   tag: UPDATE <n> [writes]
   | 1 | A | 1.25 | x | 1 | 1.25 | n1 |

update df_items set name = name || '!' from df_prices where df_prices.item_id = df_items.id returning id, name
=> UPDATE "df_items" SET "name" = "df_items"."name" || '!' FROM "df_prices" WHERE ("df_prices"."item_id" = "df_items"."id") RETURNING "id" AS "id", "name" AS "name"
   columns: id int4 @1, name text @2
   tag: UPDATE <n> [writes]
   | 1 | A! |
   | 3 | c! |

delete from df_items i using df_prices p where i.id = p.item_id and p.note = 'n1' returning i.id, i.name, p.note as via
=> DROP TABLE IF EXISTS temp."lg_dml_from"
=> CREATE TEMP TABLE "lg_dml_from" ("lg_rid" INTEGER PRIMARY KEY, "c1", "c2", "c3")
=> INSERT OR IGNORE INTO temp."lg_dml_from" SELECT "i".rowid, "p"."item_id", "p"."new_price", "p"."note" FROM "df_items" AS "i", "df_prices" AS "p" WHERE (("i"."id" = "p"."item_id") AND ("p"."note" = 'n1'))
=> DELETE FROM "df_items" AS "i" WHERE rowid IN (SELECT "lg_rid" FROM temp."lg_dml_from") RETURNING "id" AS "id", "name" AS "name", (SELECT "c3" FROM temp."lg_dml_from" WHERE "lg_rid" = "df_items".rowid) AS "via"
   columns: id int4 @1, name text @2, via text @3
   tag: DELETE <n> [writes]
   | 1 | A! | n1 |

select id, name, price from df_items order by id
=> SELECT "df_items"."id" AS "id", "df_items"."name" AS "name", "df_items"."price" AS "price" FROM "df_items" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @2, price numeric(655366) @3
   tag: SELECT <n>
   | 2 | b | 2.00 |
   | 3 | c! | 2.99 |

-- nopg: PostgreSQL adds a HINT, which errors raised in SQLite functions cannot carry yet
insert into df_items (id, name) values (10, 'm'), (10, 'n') on conflict (id) do update set name = excluded.name
=> WITH "lg_keys"("k1") AS (VALUES (10), (10)) SELECT lg_raise('21000', 'ON CONFLICT DO UPDATE command cannot affect row a second time', 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.') FROM "lg_keys" WHERE "k1" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "df_items" AS "lg_t" WHERE "lg_t"."id" = "k1") GROUP BY "k1" HAVING count(*) > 1
=> INSERT INTO "df_items" ("id", "name") VALUES (10, 'm'), (10, 'n') ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name" WHERE lg_upsert_row(0, "df_items".rowid, 1)
   tag: INSERT 0 <n> [writes]
   !! SQLSTATE 21000: ON CONFLICT DO UPDATE command cannot affect row a second time
   !! HINT: Ensure that no rows proposed for insertion within the same command have duplicate constrained values.

-- nopg: PostgreSQL adds a HINT, which errors raised in SQLite functions cannot carry yet
insert into df_items (id, name) values (2, 'p'), (2, 'q') on conflict (id) do update set name = excluded.name
=> WITH "lg_keys"("k1") AS (VALUES (2), (2)) SELECT lg_raise('21000', 'ON CONFLICT DO UPDATE command cannot affect row a second time', 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.') FROM "lg_keys" WHERE "k1" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "df_items" AS "lg_t" WHERE "lg_t"."id" = "k1") GROUP BY "k1" HAVING count(*) > 1
=> INSERT INTO "df_items" ("id", "name") VALUES (2, 'p'), (2, 'q') ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name" WHERE lg_upsert_row(0, "df_items".rowid, 1)
   tag: INSERT 0 <n> [writes]
   !! SQLSTATE 21000: ON CONFLICT DO UPDATE command cannot affect row a second time
   !! HINT: Ensure that no rows proposed for insertion within the same command have duplicate constrained values.

insert into df_items (id, name) values (2, 'p'), (2, 'q') on conflict (id) do update set name = excluded.name where df_items.name = 'nope'
=> WITH "lg_keys"("k1") AS (VALUES (2), (2)) SELECT lg_raise('21000', 'ON CONFLICT DO UPDATE command cannot affect row a second time', 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.') FROM "lg_keys" WHERE "k1" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "df_items" AS "lg_t" WHERE "lg_t"."id" = "k1") GROUP BY "k1" HAVING count(*) > 1
=> INSERT INTO "df_items" ("id", "name") VALUES (2, 'p'), (2, 'q') ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name" WHERE lg_upsert_row(0, "df_items".rowid, (("df_items"."name" = 'nope')))
   tag: INSERT 0 <n> [writes]
   changes: 0

insert into df_items (id, name) values (2, 'r'), (11, 's') on conflict (id) do update set name = excluded.name returning id, name
=> WITH "lg_keys"("k1") AS (VALUES (2), (11)) SELECT lg_raise('21000', 'ON CONFLICT DO UPDATE command cannot affect row a second time', 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.') FROM "lg_keys" WHERE "k1" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "df_items" AS "lg_t" WHERE "lg_t"."id" = "k1") GROUP BY "k1" HAVING count(*) > 1
=> INSERT INTO "df_items" ("id", "name") VALUES (2, 'r'), (11, 's') ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name" WHERE lg_upsert_row(0, "df_items".rowid, 1) RETURNING "id" AS "id", "name" AS "name"
   columns: id int4 @1, name text @2
   tag: INSERT 0 <n> [writes]
   | 2 | r |
   | 11 | s |

insert into df_items (id, name) values (12, 't'), (12, 'u') on conflict (id) do nothing
=> INSERT INTO "df_items" ("id", "name") VALUES (12, 't'), (12, 'u') ON CONFLICT ("id") DO NOTHING
   tag: INSERT 0 <n> [writes]
   changes: 1

select id, name from df_items order by id
=> SELECT "df_items"."id" AS "id", "df_items"."name" AS "name" FROM "df_items" ORDER BY 1 ASC NULLS LAST
   columns: id int4 @1, name text @2
   tag: SELECT <n>
   | 2 | r |
   | 3 | c! |
   | 11 | s |
   | 12 | t |

