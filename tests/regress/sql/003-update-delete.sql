-- cleanup: drop table if exists upd_items, upd_prices, upd_tags cascade
-- UPDATE (incl. FROM, RETURNING) and DELETE (incl. USING, RETURNING), command tags.
CREATE TABLE upd_items (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2), qty int, tag text);
CREATE TABLE upd_prices (item_id int, new_price numeric(8,2));
CREATE TABLE upd_tags (tag text, obsolete boolean);
INSERT INTO upd_items VALUES (1, 'apple', 1.10, 10, 'fruit'), (2, 'pear', 2.20, 0, 'fruit'), (3, 'kale', 3.30, 5, 'veg'),
    (4, 'leek', NULL, NULL, 'veg'), (5, 'salt', 0.50, 100, NULL);
INSERT INTO upd_prices VALUES (1, 1.25), (3, 2.99), (9, 9.99);
INSERT INTO upd_tags VALUES ('veg', true), ('fruit', false);
UPDATE upd_items SET qty = qty + 1 WHERE tag = 'fruit';
UPDATE upd_items SET qty = 0 WHERE id = 999;
UPDATE upd_items SET price = price * 2, name = upper(name) WHERE id IN (1, 2) RETURNING *;
UPDATE upd_items SET price = DEFAULT WHERE id = 5 RETURNING id, price;
UPDATE upd_items SET (qty, tag) = (7, 'x') WHERE id = 5 RETURNING id, qty, tag;
UPDATE upd_items SET qty = NULL WHERE qty IS NULL;
UPDATE upd_items AS i SET price = p.new_price FROM upd_prices p WHERE p.item_id = i.id
    RETURNING i.id, i.name, i.price, p.new_price AS from_price;
UPDATE upd_items SET qty = qty * 10;
SELECT * FROM upd_items ORDER BY id;
DELETE FROM upd_items WHERE id = 999;
DELETE FROM upd_items WHERE qty = 0 RETURNING *;
DELETE FROM upd_items i USING upd_tags t WHERE i.tag = t.tag AND t.obsolete RETURNING i.id, i.name, t.tag AS via;
DELETE FROM upd_items WHERE price > 100 RETURNING id;
SELECT * FROM upd_items ORDER BY id;
DELETE FROM upd_items;
DELETE FROM upd_prices RETURNING item_id, new_price;
-- errors
UPDATE upd_items SET no_such_col = 1;
UPDATE upd_nope SET a = 1;
UPDATE upd_items SET name = NULL;
INSERT INTO upd_items VALUES (1, 'a', 1, 1, 't');
UPDATE upd_items SET name = NULL WHERE id = 1;
UPDATE upd_items SET qty = 'many' WHERE id = 1;
DELETE FROM upd_items WHERE no_such_col = 1;
DROP TABLE upd_items, upd_prices, upd_tags;
-- RESTRICT is checked when the statement is done: parent and child rows may go together
CREATE TABLE ud_tree (id int PRIMARY KEY, parent int REFERENCES ud_tree ON DELETE RESTRICT ON UPDATE RESTRICT);
INSERT INTO ud_tree VALUES (1, NULL), (2, 1), (3, 2);
DELETE FROM ud_tree WHERE id = 1;
UPDATE ud_tree SET id = 10 WHERE id = 2;
DELETE FROM ud_tree WHERE id >= 2;
DELETE FROM ud_tree;
SELECT count(*) FROM ud_tree;
CREATE TABLE ud_p (id int PRIMARY KEY);
CREATE TABLE ud_c (id int PRIMARY KEY, p int REFERENCES ud_p ON DELETE RESTRICT);
INSERT INTO ud_p VALUES (1);
INSERT INTO ud_c VALUES (1, 1);
DELETE FROM ud_p;
BEGIN;
DELETE FROM ud_c;
DELETE FROM ud_p;
ROLLBACK;
DROP TABLE ud_c, ud_p, ud_tree;
