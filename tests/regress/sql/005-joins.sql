-- cleanup: drop table if exists j_authors, j_books, j_colors, j_sizes cascade
-- Joins: inner, left, right, full, cross, self, USING, NATURAL, multi-table.
CREATE TABLE j_authors (id int PRIMARY KEY, name text NOT NULL, country text);
CREATE TABLE j_books (id int PRIMARY KEY, author_id int REFERENCES j_authors(id), title text, year int);
INSERT INTO j_authors VALUES (1, 'Austen', 'UK'), (2, 'Tolstoy', 'RU'), (3, 'Woolf', 'UK'), (4, 'Nobody', NULL);
INSERT INTO j_books VALUES (10, 1, 'Emma', 1815), (11, 1, 'Persuasion', 1817), (12, 2, 'War and Peace', 1869),
    (13, NULL, 'Anonymous', 1700), (14, 3, 'Orlando', 1928);
SELECT a.name, b.title FROM j_authors a JOIN j_books b ON b.author_id = a.id ORDER BY b.id;
SELECT a.name, b.title FROM j_authors a INNER JOIN j_books b ON b.author_id = a.id AND b.year > 1816 ORDER BY b.id;
SELECT a.name, b.title FROM j_authors a LEFT JOIN j_books b ON b.author_id = a.id ORDER BY a.id, b.id;
SELECT a.name, b.title FROM j_authors a LEFT OUTER JOIN j_books b ON b.author_id = a.id WHERE b.id IS NULL;
SELECT a.name, b.title FROM j_authors a RIGHT JOIN j_books b ON b.author_id = a.id ORDER BY b.id;
SELECT a.name, b.title FROM j_authors a FULL JOIN j_books b ON b.author_id = a.id ORDER BY a.id NULLS LAST, b.id;
SELECT a.name, b.title FROM j_authors a FULL OUTER JOIN j_books b ON b.author_id = a.id WHERE a.id IS NULL OR b.id IS NULL ORDER BY 1, 2;
SELECT a.name, b.title FROM j_authors a, j_books b WHERE a.id = b.author_id AND a.country = 'UK' ORDER BY b.id;
CREATE TABLE j_colors (color text);
CREATE TABLE j_sizes (size text);
INSERT INTO j_colors VALUES ('red'), ('blue');
INSERT INTO j_sizes VALUES ('S'), ('M'), ('L');
SELECT color, size FROM j_colors CROSS JOIN j_sizes ORDER BY color, size;
SELECT count(*) FROM j_colors, j_sizes;
SELECT a1.name, a2.name AS same_country FROM j_authors a1 JOIN j_authors a2 ON a1.country = a2.country AND a1.id < a2.id;
SELECT b.title, a.name, a.country FROM j_books b
    JOIN j_authors a ON a.id = b.author_id
    LEFT JOIN j_authors a2 ON a2.id = b.author_id + 1
    WHERE a2.name IS NOT NULL ORDER BY b.id;
SELECT * FROM j_authors JOIN j_books ON j_books.author_id = j_authors.id WHERE j_books.year < 1816;
SELECT j_authors.*, j_books.title FROM j_authors JOIN j_books ON author_id = j_authors.id ORDER BY j_books.id LIMIT 2;
SELECT name, count(b.id) AS books, min(b.year) AS first, max(b.year) AS last
    FROM j_authors a LEFT JOIN j_books b ON b.author_id = a.id GROUP BY a.id, name ORDER BY books DESC, name;
SELECT x.title FROM (SELECT title, year FROM j_books WHERE year > 1800) AS x JOIN j_authors a ON true WHERE a.id = 1 ORDER BY x.year;
-- ambiguity and unknown columns
SELECT id FROM j_authors a JOIN j_books b ON b.author_id = a.id;
SELECT a.no_such_col FROM j_authors a;
SELECT no_such_col.id FROM j_authors a;
DROP TABLE j_books, j_authors, j_colors, j_sizes;
