-- UPDATE ... FROM / DELETE ... USING whose RETURNING sees the FROM items
-- (rewrite/dml_from.c) and ON CONFLICT DO UPDATE meeting a row twice
-- (rewrite/upsert.c).

drop table if exists df_items, df_prices

create table df_items (id int primary key, name text, price numeric(10,2), tag text)

create table df_prices (item_id int, new_price numeric(10,2), note text)

insert into df_items values (1, 'a', 1, 'x'), (2, 'b', 2, 'y'), (3, 'c', 3, 'x')

insert into df_prices values (1, 1.25, 'n1'), (3, 2.99, 'n3')

update df_items as i set price = p.new_price from df_prices p where p.item_id = i.id returning i.id, i.name, i.price, p.new_price as from_price, p.note

update df_items set name = upper(name) from df_prices where df_prices.item_id = df_items.id and df_prices.note = 'n1' returning *

update df_items set name = name || '!' from df_prices where df_prices.item_id = df_items.id returning id, name

delete from df_items i using df_prices p where i.id = p.item_id and p.note = 'n1' returning i.id, i.name, p.note as via

select id, name, price from df_items order by id

-- nopg: PostgreSQL adds a HINT, which errors raised in SQLite functions cannot carry yet
insert into df_items (id, name) values (10, 'm'), (10, 'n') on conflict (id) do update set name = excluded.name

-- nopg: PostgreSQL adds a HINT, which errors raised in SQLite functions cannot carry yet
insert into df_items (id, name) values (2, 'p'), (2, 'q') on conflict (id) do update set name = excluded.name

insert into df_items (id, name) values (2, 'p'), (2, 'q') on conflict (id) do update set name = excluded.name where df_items.name = 'nope'

insert into df_items (id, name) values (2, 'r'), (11, 's') on conflict (id) do update set name = excluded.name returning id, name

insert into df_items (id, name) values (12, 't'), (12, 'u') on conflict (id) do nothing

select id, name from df_items order by id
