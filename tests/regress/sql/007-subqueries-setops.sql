-- cleanup: drop table if exists sq_orders, sq_customers cascade
-- Scalar / IN / EXISTS subqueries, derived tables, CTEs, UNION / INTERSECT / EXCEPT.
CREATE TABLE sq_customers (id int PRIMARY KEY, name text, tier text);
CREATE TABLE sq_orders (id int PRIMARY KEY, customer_id int, total numeric(8,2));
INSERT INTO sq_customers VALUES (1, 'ann', 'gold'), (2, 'ben', 'silver'), (3, 'cat', 'gold'), (4, 'dan', NULL);
INSERT INTO sq_orders VALUES (100, 1, 10.00), (101, 1, 25.50), (102, 2, 5.25), (103, 3, 99.99), (104, NULL, 1.00);
SELECT name, (SELECT count(*) FROM sq_orders o WHERE o.customer_id = c.id) AS orders FROM sq_customers c ORDER BY id;
SELECT name, (SELECT max(total) FROM sq_orders o WHERE o.customer_id = c.id) AS biggest FROM sq_customers c ORDER BY id;
SELECT (SELECT name FROM sq_customers WHERE id = 2) AS who, (SELECT 1 WHERE false) AS nothing;
SELECT id FROM sq_orders WHERE total > (SELECT avg(total) FROM sq_orders) ORDER BY id;
SELECT name FROM sq_customers WHERE id IN (SELECT customer_id FROM sq_orders) ORDER BY name;
SELECT name FROM sq_customers WHERE id NOT IN (SELECT customer_id FROM sq_orders WHERE customer_id IS NOT NULL) ORDER BY name;
SELECT name FROM sq_customers WHERE id NOT IN (SELECT customer_id FROM sq_orders) ORDER BY name;
SELECT name FROM sq_customers c WHERE EXISTS (SELECT 1 FROM sq_orders o WHERE o.customer_id = c.id AND o.total > 20) ORDER BY name;
SELECT name FROM sq_customers c WHERE NOT EXISTS (SELECT 1 FROM sq_orders o WHERE o.customer_id = c.id) ORDER BY name;
SELECT EXISTS (SELECT 1 FROM sq_orders WHERE total > 50) AS any_big, NOT EXISTS (SELECT 1 FROM sq_orders) AS none;
SELECT id FROM sq_orders WHERE customer_id = ANY (SELECT id FROM sq_customers WHERE tier = 'gold') ORDER BY id;
SELECT t.tier, t.n FROM (SELECT tier, count(*) AS n FROM sq_customers GROUP BY tier) t ORDER BY t.tier NULLS LAST;
WITH big AS (SELECT * FROM sq_orders WHERE total > 9) SELECT c.name, b.total FROM big b JOIN sq_customers c ON c.id = b.customer_id ORDER BY b.id;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b;
SELECT (SELECT id FROM sq_customers) AS too_many;
-- set operations
SELECT customer_id FROM sq_orders UNION SELECT id FROM sq_customers ORDER BY 1;
SELECT customer_id FROM sq_orders UNION ALL SELECT id FROM sq_customers ORDER BY 1 NULLS FIRST;
SELECT id FROM sq_customers INTERSECT SELECT customer_id FROM sq_orders ORDER BY 1;
SELECT id FROM sq_customers EXCEPT SELECT customer_id FROM sq_orders ORDER BY 1;
SELECT 1 AS n UNION SELECT 2 UNION SELECT 1 ORDER BY n DESC;
SELECT 1 AS n UNION ALL SELECT 1 UNION ALL SELECT 2;
SELECT name FROM sq_customers WHERE tier = 'gold' UNION SELECT name FROM sq_customers WHERE id > 3 ORDER BY name LIMIT 2;
SELECT 'a' AS s, 1 AS n UNION SELECT 'b', 2.5 ORDER BY s;
SELECT id FROM sq_customers UNION SELECT name FROM sq_customers;
SELECT id, name FROM sq_customers UNION SELECT id FROM sq_orders;
DROP TABLE sq_orders, sq_customers;
