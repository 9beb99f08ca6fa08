-- cleanup: drop table if exists agg_sales cascade
-- Aggregates (with their result types), GROUP BY, HAVING.
CREATE TABLE agg_sales (id serial PRIMARY KEY, region text, product text, qty int, small smallint, big bigint,
    price numeric(10,2), weight real, ratio double precision, sold date, ok boolean);
INSERT INTO agg_sales (region, product, qty, small, big, price, weight, ratio, sold, ok) VALUES
    ('north', 'apple', 10, 1, 10000000000, 1.10, 0.5, 0.25, '2026-01-01', true),
    ('north', 'pear', 3, 2, 20000000000, 2.25, 1.5, 0.5, '2026-01-02', true),
    ('south', 'apple', 7, 3, 30000000000, 1.15, 2.5, 0.125, '2026-02-01', false),
    ('south', 'kiwi', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('east', 'apple', 1, 4, 1, 0.99, 0.1, 1e-3, '2026-03-01', true),
    (NULL, 'plum', 5, 5, 5, 5.00, 5, 5, '2026-03-02', false);
SELECT count(*), count(qty), count(DISTINCT product) FROM agg_sales;
SELECT sum(qty) AS sum_int4, sum(small) AS sum_int2, sum(big) AS sum_int8, sum(price) AS sum_numeric,
    sum(weight) AS sum_real, sum(ratio) AS sum_double FROM agg_sales;
SELECT avg(qty) AS avg_int4, avg(small) AS avg_int2, avg(big) AS avg_int8, avg(price) AS avg_numeric,
    avg(weight) AS avg_real, avg(ratio) AS avg_double FROM agg_sales;
SELECT min(qty), max(qty), min(price), max(price), min(product), max(product), min(sold), max(sold),
    min(weight), max(ratio) FROM agg_sales;
SELECT bool_and(ok), bool_or(ok), every(ok) FROM agg_sales;
SELECT string_agg(product, ',' ORDER BY id) AS products, string_agg(DISTINCT region, '|' ORDER BY region) AS regions FROM agg_sales;
SELECT region, count(*) AS n, sum(qty) AS total, avg(qty) AS mean, max(price) AS top FROM agg_sales GROUP BY region ORDER BY region NULLS LAST;
SELECT region, product, sum(qty) FROM agg_sales GROUP BY region, product ORDER BY region, product;
SELECT product, count(*) FROM agg_sales GROUP BY product HAVING count(*) > 1;
SELECT region, sum(qty) AS total FROM agg_sales GROUP BY region HAVING sum(qty) >= 7 ORDER BY total DESC;
SELECT region, sum(qty) AS total FROM agg_sales WHERE ok GROUP BY 1 HAVING min(price) < 2 ORDER BY 1;
SELECT count(*) FROM agg_sales WHERE false;
SELECT sum(qty), avg(qty), min(qty), max(qty), string_agg(product, ',') FROM agg_sales WHERE false;
SELECT region, count(*) FROM agg_sales WHERE false GROUP BY region;
SELECT count(*) FILTER (WHERE ok) AS good, sum(qty) FILTER (WHERE region = 'north') AS north_qty FROM agg_sales;
SELECT sum(qty)::float8 / count(*) AS ratio, round(avg(price), 2) AS avg2, sum(price * qty) AS revenue FROM agg_sales;
SELECT extract(month FROM sold) AS m, count(*) FROM agg_sales GROUP BY 1 ORDER BY 1 NULLS FIRST;
SELECT count(*) AS total, count(*) * 2 AS twice, 100.0 * count(qty) / count(*) AS pct FROM agg_sales;
-- errors
SELECT region, product FROM agg_sales GROUP BY region;
SELECT count(*) FROM agg_sales WHERE sum(qty) > 1;
SELECT sum(product) FROM agg_sales;
DROP TABLE agg_sales;
