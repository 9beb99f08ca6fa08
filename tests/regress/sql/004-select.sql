-- cleanup: drop table if exists sel_people cascade
-- SELECT: every WHERE operator, DISTINCT, ORDER BY ASC/DESC NULLS FIRST/LAST, LIMIT/OFFSET.
CREATE TABLE sel_people (id int PRIMARY KEY, name text, age int, city varchar(20), score real, joined date, active boolean);
INSERT INTO sel_people VALUES
    (1, 'Alice', 30, 'Paris', 1.5, '2020-01-15', true),
    (2, 'bob', 25, 'paris', 2.5, '2021-06-01', false),
    (3, 'Carol', NULL, 'Berlin', NULL, '2019-12-31', true),
    (4, 'dave', 41, NULL, 4.25, NULL, NULL),
    (5, 'Eve', 25, 'Berlin', -1, '2022-02-28', true),
    (6, NULL, 33, 'Rome', 0, '2020-01-15', false),
    (7, 'O''Brien', 58, 'Dublin', 7.75, '2018-07-04', true),
    (8, 'al_x%', 19, 'Paris', 100, '2023-03-03', true);
SELECT id, name FROM sel_people WHERE age = 25 ORDER BY id;
SELECT id FROM sel_people WHERE age <> 25 ORDER BY id;
SELECT id FROM sel_people WHERE age != 25 ORDER BY id;
SELECT id FROM sel_people WHERE age < 30 ORDER BY id;
SELECT id FROM sel_people WHERE age <= 30 ORDER BY id;
SELECT id FROM sel_people WHERE age > 30 ORDER BY id;
SELECT id FROM sel_people WHERE age >= 30 ORDER BY id;
SELECT id FROM sel_people WHERE age > 20 AND city = 'Paris' ORDER BY id;
SELECT id FROM sel_people WHERE age > 50 OR city = 'Rome' ORDER BY id;
SELECT id FROM sel_people WHERE NOT (age > 30) ORDER BY id;
SELECT id FROM sel_people WHERE NOT active ORDER BY id;
SELECT id FROM sel_people WHERE age IS NULL ORDER BY id;
SELECT id FROM sel_people WHERE age IS NOT NULL AND city IS NOT NULL ORDER BY id;
SELECT id FROM sel_people WHERE age IN (25, 58, 99) ORDER BY id;
SELECT id FROM sel_people WHERE age NOT IN (25, 58) ORDER BY id;
SELECT id FROM sel_people WHERE age NOT IN (25, NULL) ORDER BY id;
SELECT id FROM sel_people WHERE city IN ('Paris', 'Rome') ORDER BY id;
SELECT id FROM sel_people WHERE age BETWEEN 25 AND 33 ORDER BY id;
SELECT id FROM sel_people WHERE age NOT BETWEEN 25 AND 33 ORDER BY id;
SELECT id FROM sel_people WHERE joined BETWEEN '2020-01-01' AND '2021-12-31' ORDER BY id;
SELECT id, name FROM sel_people WHERE name LIKE 'A%' ORDER BY id;
SELECT id, name FROM sel_people WHERE name LIKE '%e' ORDER BY id;
SELECT id, name FROM sel_people WHERE name LIKE '_ob' ORDER BY id;
SELECT id, name FROM sel_people WHERE name NOT LIKE '%a%' ORDER BY id;
SELECT id, name FROM sel_people WHERE name ILIKE 'a%' ORDER BY id;
SELECT id, name FROM sel_people WHERE name NOT ILIKE '%A%' ORDER BY id;
SELECT id, name FROM sel_people WHERE name LIKE 'al\_x\%' ORDER BY id;
SELECT id, name FROM sel_people WHERE name LIKE 'al!_%' ESCAPE '!' ORDER BY id;
SELECT id, name FROM sel_people WHERE name ~~ 'C%' ORDER BY id;
SELECT id, name FROM sel_people WHERE name ~~* 'c%' ORDER BY id;
SELECT id FROM sel_people WHERE city = 'paris' ORDER BY id;
SELECT id FROM sel_people WHERE lower(city) = 'paris' ORDER BY id;
SELECT id FROM sel_people WHERE age IS DISTINCT FROM 25 ORDER BY id;
SELECT id FROM sel_people WHERE age IS NOT DISTINCT FROM NULL ORDER BY id;
SELECT id FROM sel_people WHERE active IS TRUE ORDER BY id;
SELECT id FROM sel_people WHERE active IS NOT TRUE ORDER BY id;
SELECT id FROM sel_people WHERE active IS FALSE ORDER BY id;
SELECT id FROM sel_people WHERE active IS UNKNOWN ORDER BY id;
SELECT id FROM sel_people WHERE active = true ORDER BY id;
SELECT id FROM sel_people WHERE active ORDER BY id;
SELECT id FROM sel_people WHERE score > 2 ORDER BY id;
SELECT id FROM sel_people WHERE score = 1.5 ORDER BY id;
SELECT id FROM sel_people WHERE joined > '2020-06-01' ORDER BY id;
SELECT id FROM sel_people WHERE age = ANY (ARRAY[25, 41]) ORDER BY id;
SELECT id FROM sel_people WHERE age + 5 > 40 AND age * 2 < 100 ORDER BY id;
SELECT id FROM sel_people WHERE age % 2 = 1 ORDER BY id;
SELECT id FROM sel_people WHERE name || '!' = 'bob!' ORDER BY id;
SELECT id FROM sel_people WHERE (age, city) = (25, 'Berlin');
SELECT id FROM sel_people WHERE true ORDER BY id LIMIT 2;
SELECT id FROM sel_people WHERE false;
SELECT id FROM sel_people WHERE NULL;
-- DISTINCT
SELECT DISTINCT city FROM sel_people ORDER BY city;
SELECT DISTINCT age, active FROM sel_people ORDER BY age, active;
SELECT count(DISTINCT city) AS cities, count(city) AS with_city, count(*) AS all_rows FROM sel_people;
SELECT DISTINCT ON (city) city, name FROM sel_people ORDER BY city, id;
-- ORDER BY
SELECT id, age FROM sel_people ORDER BY age, id;
SELECT id, age FROM sel_people ORDER BY age DESC, id;
SELECT id, age FROM sel_people ORDER BY age ASC NULLS FIRST, id;
SELECT id, age FROM sel_people ORDER BY age DESC NULLS LAST, id DESC;
SELECT id, city FROM sel_people ORDER BY city NULLS FIRST, id;
SELECT id, name FROM sel_people ORDER BY name;
SELECT id, name FROM sel_people ORDER BY 2 DESC, 1;
SELECT id, age * -1 AS neg FROM sel_people ORDER BY neg, id;
SELECT id, joined FROM sel_people ORDER BY joined DESC NULLS FIRST, id;
SELECT id, score FROM sel_people ORDER BY score, id;
SELECT id, active FROM sel_people ORDER BY active, id;
-- LIMIT / OFFSET
SELECT id FROM sel_people ORDER BY id LIMIT 3;
SELECT id FROM sel_people ORDER BY id LIMIT 3 OFFSET 2;
SELECT id FROM sel_people ORDER BY id OFFSET 6;
SELECT id FROM sel_people ORDER BY id LIMIT 0;
SELECT id FROM sel_people ORDER BY id LIMIT ALL OFFSET 7;
SELECT id FROM sel_people ORDER BY id LIMIT NULL;
SELECT id FROM sel_people ORDER BY id FETCH FIRST 2 ROWS ONLY;
SELECT id FROM sel_people ORDER BY id OFFSET 1 ROWS FETCH NEXT 1 ROW ONLY;
SELECT id FROM sel_people ORDER BY id LIMIT -1;
-- expressions in the select list, aliases, quoting
SELECT id AS "ID", name AS "Full Name", age + 1 AS "next", 'lit' AS lit, 1 + 1, NULL::text AS nothing
    FROM sel_people WHERE id = 1;
SELECT p.id, p.* FROM sel_people p WHERE p.id = 7;
SELECT * FROM sel_people AS "P" WHERE "P".id = 2;
SELECT "id", "name" FROM "sel_people" WHERE "id" = 3;
SELECT CASE WHEN age < 30 THEN 'young' WHEN age < 50 THEN 'mid' ELSE 'old' END AS band, count(*)
    FROM sel_people GROUP BY 1 ORDER BY 1;
SELECT id, COALESCE(city, 'n/a') AS city, NULLIF(age, 25) AS age_or_null, GREATEST(age, 30) AS g, LEAST(age, 30) AS l
    FROM sel_people ORDER BY id;
SELECT 1 AS one;
SELECT 1 FROM sel_people WHERE id = 1;
DROP TABLE sel_people;
