-- drizzle-kit-pull
-- 18 distinct statements (18 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	    n.nspname AS table_schema,
	    c.relname AS table_name,
	    CASE
	        WHEN c.relkind = 'r' THEN 'table'
	        WHEN c.relkind = 'v' THEN 'view'
	        WHEN c.relkind = 'm' THEN 'materialized_view'
	    END AS type,
		c.relrowsecurity AS rls_enabled
	FROM
	    pg_catalog.pg_class c
	JOIN
	    pg_catalog.pg_namespace n ON n.oid = c.relnamespace
	WHERE
		c.relkind IN ('r', 'v', 'm')
	     AND n.nspname = 'public';
;;
-- #2 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
select s.nspname as table_schema
	  from pg_catalog.pg_namespace s
	  join pg_catalog.pg_user u on u.usesysid = s.nspowner
	  where nspname not in ('information_schema', 'pg_catalog', 'public')
	        and nspname not like 'pg_toast%'
	        and nspname not like 'pg_temp_%'
	  order by table_schema;
;;
-- #3 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
select schemaname, sequencename, start_value, min_value, max_value, increment_by, cycle, cache_size from pg_sequences as seq WHERE schemaname = 'public';
;;
-- #4 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
select n.nspname as enum_schema,
	  t.typname as enum_name,
	  e.enumlabel as enum_value,
	  e.enumsortorder as sort_order
	  from pg_type t
	  join pg_enum e on t.oid = e.enumtypid
	  join pg_catalog.pg_namespace n ON n.oid = t.typnamespace
	   WHERE n.nspname = 'public'
	  order by enum_schema, enum_name, sort_order;
;;
-- #5 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT rolname, rolinherit, rolcreatedb, rolcreaterole FROM pg_roles;
;;
-- #6 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT schemaname, tablename, policyname as name, permissive as "as", roles as to, cmd as for, qual as using, with_check as "withCheck" FROM pg_policies WHERE schemaname = 'public';
;;
-- #7 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	    a.attrelid::regclass::text AS table_name,  -- Table, view, or materialized view name
	    a.attname AS column_name,   -- Column name
	    CASE
	        WHEN NOT a.attisdropped THEN
	            CASE
	                WHEN a.attnotnull THEN 'NO'
	                ELSE 'YES'
	            END
	        ELSE NULL
	    END AS is_nullable,  -- NULL or NOT NULL constraint
	    a.attndims AS array_dimensions,  -- Array dimensions
	    CASE
	        WHEN a.atttypid = ANY ('{int,int8,int2}'::regtype[])
	        AND EXISTS (
	            SELECT FROM pg_attrdef ad
	            WHERE ad.adrelid = a.attrelid
	            AND ad.adnum = a.attnum
	            AND pg_get_expr(ad.adbin, ad.adrelid) = 'nextval('''
	                || pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)::regclass || '''::regclass)'
	        )
	        THEN CASE a.atttypid
	            WHEN 'int'::regtype THEN 'serial'
	            WHEN 'int8'::regtype THEN 'bigserial'
	            WHEN 'int2'::regtype THEN 'smallserial'
	        END
	        ELSE format_type(a.atttypid, a.atttypmod)
	    END AS data_type,  -- Column data type
	--    ns.nspname AS type_schema,  -- Schema name
	    pg_get_serial_sequence('"public"."users"', a.attname)::regclass AS seq_name,  -- Serial sequence (if any)
	    c.column_default,  -- Column default value
	    c.data_type AS additional_dt,  -- Data type from information_schema
	    c.udt_name AS enum_name,  -- Enum type (if applicable)
	    c.is_generated,  -- Is it a generated column?
	    c.generation_expression,  -- Generation expression (if generated)
	    c.is_identity,  -- Is it an identity column?
	    c.identity_generation,  -- Identity generation strategy (ALWAYS or BY DEFAULT)
	    c.identity_start,  -- Start value of identity column
	    c.identity_increment,  -- Increment for identity column
	    c.identity_maximum,  -- Maximum value for identity column
	    c.identity_minimum,  -- Minimum value for identity column
	    c.identity_cycle,  -- Does the identity column cycle?
	    enum_ns.nspname AS type_schema  -- Schema of the enum type
	FROM
	    pg_attribute a
	JOIN
	    pg_class cls ON cls.oid = a.attrelid  -- Join pg_class to get table/view/materialized view info
	JOIN
	    pg_namespace ns ON ns.oid = cls.relnamespace  -- Join namespace to get schema info
	LEFT JOIN
	    information_schema.columns c ON c.column_name = a.attname
	        AND c.table_schema = ns.nspname
	        AND c.table_name = cls.relname  -- Match schema and table/view name
	LEFT JOIN
	    pg_type enum_t ON enum_t.oid = a.atttypid  -- Join to get the type info
	LEFT JOIN
	    pg_namespace enum_ns ON enum_ns.oid = enum_t.typnamespace  -- Join to get the enum schema
	WHERE
	    a.attnum > 0  -- Valid column numbers only
	    AND NOT a.attisdropped  -- Skip dropped columns
	    AND cls.relkind IN ('r', 'v', 'm')  -- Include regular tables ('r'), views ('v'), and materialized views ('m')
	    AND ns.nspname = 'public'  -- Filter by schema
	    AND cls.relname = 'users'  -- Filter by table name
	ORDER BY
	    a.attnum;  -- Order by column number
;;
-- #8 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	    a.attrelid::regclass::text AS table_name,  -- Table, view, or materialized view name
	    a.attname AS column_name,   -- Column name
	    CASE
	        WHEN NOT a.attisdropped THEN
	            CASE
	                WHEN a.attnotnull THEN 'NO'
	                ELSE 'YES'
	            END
	        ELSE NULL
	    END AS is_nullable,  -- NULL or NOT NULL constraint
	    a.attndims AS array_dimensions,  -- Array dimensions
	    CASE
	        WHEN a.atttypid = ANY ('{int,int8,int2}'::regtype[])
	        AND EXISTS (
	            SELECT FROM pg_attrdef ad
	            WHERE ad.adrelid = a.attrelid
	            AND ad.adnum = a.attnum
	            AND pg_get_expr(ad.adbin, ad.adrelid) = 'nextval('''
	                || pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)::regclass || '''::regclass)'
	        )
	        THEN CASE a.atttypid
	            WHEN 'int'::regtype THEN 'serial'
	            WHEN 'int8'::regtype THEN 'bigserial'
	            WHEN 'int2'::regtype THEN 'smallserial'
	        END
	        ELSE format_type(a.atttypid, a.atttypmod)
	    END AS data_type,  -- Column data type
	--    ns.nspname AS type_schema,  -- Schema name
	    pg_get_serial_sequence('"public"."posts"', a.attname)::regclass AS seq_name,  -- Serial sequence (if any)
	    c.column_default,  -- Column default value
	    c.data_type AS additional_dt,  -- Data type from information_schema
	    c.udt_name AS enum_name,  -- Enum type (if applicable)
	    c.is_generated,  -- Is it a generated column?
	    c.generation_expression,  -- Generation expression (if generated)
	    c.is_identity,  -- Is it an identity column?
	    c.identity_generation,  -- Identity generation strategy (ALWAYS or BY DEFAULT)
	    c.identity_start,  -- Start value of identity column
	    c.identity_increment,  -- Increment for identity column
	    c.identity_maximum,  -- Maximum value for identity column
	    c.identity_minimum,  -- Minimum value for identity column
	    c.identity_cycle,  -- Does the identity column cycle?
	    enum_ns.nspname AS type_schema  -- Schema of the enum type
	FROM
	    pg_attribute a
	JOIN
	    pg_class cls ON cls.oid = a.attrelid  -- Join pg_class to get table/view/materialized view info
	JOIN
	    pg_namespace ns ON ns.oid = cls.relnamespace  -- Join namespace to get schema info
	LEFT JOIN
	    information_schema.columns c ON c.column_name = a.attname
	        AND c.table_schema = ns.nspname
	        AND c.table_name = cls.relname  -- Match schema and table/view name
	LEFT JOIN
	    pg_type enum_t ON enum_t.oid = a.atttypid  -- Join to get the type info
	LEFT JOIN
	    pg_namespace enum_ns ON enum_ns.oid = enum_t.typnamespace  -- Join to get the enum schema
	WHERE
	    a.attnum > 0  -- Valid column numbers only
	    AND NOT a.attisdropped  -- Skip dropped columns
	    AND cls.relkind IN ('r', 'v', 'm')  -- Include regular tables ('r'), views ('v'), and materialized views ('m')
	    AND ns.nspname = 'public'  -- Filter by schema
	    AND cls.relname = 'posts'  -- Filter by table name
	ORDER BY
	    a.attnum;  -- Order by column number
;;
-- #9 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT c.column_name, c.data_type, constraint_type, constraint_name, constraint_schema
	      FROM information_schema.table_constraints tc
	      JOIN information_schema.constraint_column_usage AS ccu USING (constraint_schema, constraint_name)
	      JOIN information_schema.columns AS c ON c.table_schema = tc.constraint_schema
	        AND tc.table_name = c.table_name AND ccu.column_name = c.column_name
	      WHERE tc.table_name = 'users' and constraint_schema = 'public';
;;
-- #10 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT c.column_name, c.data_type, constraint_type, constraint_name, constraint_schema
	      FROM information_schema.table_constraints tc
	      JOIN information_schema.constraint_column_usage AS ccu USING (constraint_schema, constraint_name)
	      JOIN information_schema.columns AS c ON c.table_schema = tc.constraint_schema
	        AND tc.table_name = c.table_name AND ccu.column_name = c.column_name
	      WHERE tc.table_name = 'posts' and constraint_schema = 'public';
;;
-- #11 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
							tc.constraint_name,
							tc.constraint_type,
							pg_get_constraintdef(con.oid) AS constraint_definition
						FROM
							information_schema.table_constraints AS tc
							JOIN pg_constraint AS con
								ON tc.constraint_name = con.conname
								AND con.conrelid = (
									SELECT oid
									FROM pg_class
									WHERE relname = tc.table_name
									AND relnamespace = (
										SELECT oid
										FROM pg_namespace
										WHERE nspname = tc.constraint_schema
									)
								)
						WHERE
							tc.table_name = 'users'
							AND tc.constraint_schema = 'public'
							AND tc.constraint_type = 'CHECK'
							AND con.contype = 'c';
;;
-- #12 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
							tc.constraint_name,
							tc.constraint_type,
							pg_get_constraintdef(con.oid) AS constraint_definition
						FROM
							information_schema.table_constraints AS tc
							JOIN pg_constraint AS con
								ON tc.constraint_name = con.conname
								AND con.conrelid = (
									SELECT oid
									FROM pg_class
									WHERE relname = tc.table_name
									AND relnamespace = (
										SELECT oid
										FROM pg_namespace
										WHERE nspname = tc.constraint_schema
									)
								)
						WHERE
							tc.table_name = 'posts'
							AND tc.constraint_schema = 'public'
							AND tc.constraint_type = 'CHECK'
							AND con.contype = 'c';
;;
-- #13 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	            con.contype AS constraint_type,
	            nsp.nspname AS constraint_schema,
	            con.conname AS constraint_name,
	            rel.relname AS table_name,
	            att.attname AS column_name,
	            fnsp.nspname AS foreign_table_schema,
	            frel.relname AS foreign_table_name,
	            fatt.attname AS foreign_column_name,
	            CASE con.confupdtype
	              WHEN 'a' THEN 'NO ACTION'
	              WHEN 'r' THEN 'RESTRICT'
	              WHEN 'n' THEN 'SET NULL'
	              WHEN 'c' THEN 'CASCADE'
	              WHEN 'd' THEN 'SET DEFAULT'
	            END AS update_rule,
	            CASE con.confdeltype
	              WHEN 'a' THEN 'NO ACTION'
	              WHEN 'r' THEN 'RESTRICT'
	              WHEN 'n' THEN 'SET NULL'
	              WHEN 'c' THEN 'CASCADE'
	              WHEN 'd' THEN 'SET DEFAULT'
	            END AS delete_rule
	          FROM
	            pg_catalog.pg_constraint con
	            JOIN pg_catalog.pg_class rel ON rel.oid = con.conrelid
	            JOIN pg_catalog.pg_namespace nsp ON nsp.oid = con.connamespace
	            LEFT JOIN pg_catalog.pg_attribute att ON att.attnum = ANY (con.conkey)
	              AND att.attrelid = con.conrelid
	            LEFT JOIN pg_catalog.pg_class frel ON frel.oid = con.confrelid
	            LEFT JOIN pg_catalog.pg_namespace fnsp ON fnsp.oid = frel.relnamespace
	            LEFT JOIN pg_catalog.pg_attribute fatt ON fatt.attnum = ANY (con.confkey)
	              AND fatt.attrelid = con.confrelid
	          WHERE
	            nsp.nspname = 'public'
	            AND rel.relname = 'users'
	            AND con.contype IN ('f');
;;
-- #14 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	            con.contype AS constraint_type,
	            nsp.nspname AS constraint_schema,
	            con.conname AS constraint_name,
	            rel.relname AS table_name,
	            att.attname AS column_name,
	            fnsp.nspname AS foreign_table_schema,
	            frel.relname AS foreign_table_name,
	            fatt.attname AS foreign_column_name,
	            CASE con.confupdtype
	              WHEN 'a' THEN 'NO ACTION'
	              WHEN 'r' THEN 'RESTRICT'
	              WHEN 'n' THEN 'SET NULL'
	              WHEN 'c' THEN 'CASCADE'
	              WHEN 'd' THEN 'SET DEFAULT'
	            END AS update_rule,
	            CASE con.confdeltype
	              WHEN 'a' THEN 'NO ACTION'
	              WHEN 'r' THEN 'RESTRICT'
	              WHEN 'n' THEN 'SET NULL'
	              WHEN 'c' THEN 'CASCADE'
	              WHEN 'd' THEN 'SET DEFAULT'
	            END AS delete_rule
	          FROM
	            pg_catalog.pg_constraint con
	            JOIN pg_catalog.pg_class rel ON rel.oid = con.conrelid
	            JOIN pg_catalog.pg_namespace nsp ON nsp.oid = con.connamespace
	            LEFT JOIN pg_catalog.pg_attribute att ON att.attnum = ANY (con.conkey)
	              AND att.attrelid = con.conrelid
	            LEFT JOIN pg_catalog.pg_class frel ON frel.oid = con.confrelid
	            LEFT JOIN pg_catalog.pg_namespace fnsp ON fnsp.oid = frel.relnamespace
	            LEFT JOIN pg_catalog.pg_attribute fatt ON fatt.attnum = ANY (con.confkey)
	              AND fatt.attrelid = con.confrelid
	          WHERE
	            nsp.nspname = 'public'
	            AND rel.relname = 'posts'
	            AND con.contype IN ('f');
;;
-- #15 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT  DISTINCT ON (t.relname, ic.relname, k.i) t.relname as table_name, ic.relname AS indexname,
	        k.i AS index_order,
	        i.indisunique as is_unique,
	        am.amname as method,
	        ic.reloptions as with,
	        coalesce(a.attname, pg_get_indexdef(i.indexrelid, k.i, false)) AS column_name,
	          CASE
	        WHEN pg_get_expr(i.indexprs, i.indrelid) IS NOT NULL THEN 1
	        ELSE 0
	    END AS is_expression,
	        i.indoption[k.i-1] & 1 = 1 AS descending,
	        i.indoption[k.i-1] & 2 = 2 AS nulls_first,
	        pg_get_expr(
	                              i.indpred,
	                              i.indrelid
	                          ) as where,
	         opc.opcname
	      FROM pg_class t
	          LEFT JOIN pg_index i ON t.oid = i.indrelid
	          LEFT JOIN pg_class ic ON ic.oid = i.indexrelid
			  CROSS JOIN LATERAL (SELECT unnest(i.indkey), generate_subscripts(i.indkey, 1) + 1) AS k(attnum, i)
	          LEFT JOIN pg_attribute AS a
	            ON i.indrelid = a.attrelid AND k.attnum = a.attnum
	          JOIN pg_namespace c on c.oid = t.relnamespace
	        LEFT JOIN pg_am AS am ON ic.relam = am.oid
	        JOIN pg_opclass opc ON opc.oid = ANY(i.indclass)
	      WHERE
	      c.nspname = 'public' AND
	      t.relname = 'users';
;;
-- #16 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT  DISTINCT ON (t.relname, ic.relname, k.i) t.relname as table_name, ic.relname AS indexname,
	        k.i AS index_order,
	        i.indisunique as is_unique,
	        am.amname as method,
	        ic.reloptions as with,
	        coalesce(a.attname, pg_get_indexdef(i.indexrelid, k.i, false)) AS column_name,
	          CASE
	        WHEN pg_get_expr(i.indexprs, i.indrelid) IS NOT NULL THEN 1
	        ELSE 0
	    END AS is_expression,
	        i.indoption[k.i-1] & 1 = 1 AS descending,
	        i.indoption[k.i-1] & 2 = 2 AS nulls_first,
	        pg_get_expr(
	                              i.indpred,
	                              i.indrelid
	                          ) as where,
	         opc.opcname
	      FROM pg_class t
	          LEFT JOIN pg_index i ON t.oid = i.indrelid
	          LEFT JOIN pg_class ic ON ic.oid = i.indexrelid
			  CROSS JOIN LATERAL (SELECT unnest(i.indkey), generate_subscripts(i.indkey, 1) + 1) AS k(attnum, i)
	          LEFT JOIN pg_attribute AS a
	            ON i.indrelid = a.attrelid AND k.attnum = a.attnum
	          JOIN pg_namespace c on c.oid = t.relnamespace
	        LEFT JOIN pg_am AS am ON ic.relam = am.oid
	        JOIN pg_opclass opc ON opc.oid = ANY(i.indclass)
	      WHERE
	      c.nspname = 'public' AND
	      t.relname = 'posts';
;;
-- #17 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	          idx.indexrelname AS index_name,
	          idx.relname AS table_name,
	          schemaname,
	          CASE WHEN con.conname IS NOT NULL THEN 1 ELSE 0 END AS generated_by_constraint
	        FROM
	          pg_stat_user_indexes idx
	        LEFT JOIN
	          pg_constraint con ON con.conindid = idx.indexrelid
	        WHERE idx.relname = 'users' and schemaname = 'public'
	        group by index_name, table_name,schemaname, generated_by_constraint;
;;
-- #18 protocol: simple; executed 1x; db=drizzle_migrate; application_name=[unknown]
SELECT
	          idx.indexrelname AS index_name,
	          idx.relname AS table_name,
	          schemaname,
	          CASE WHEN con.conname IS NOT NULL THEN 1 ELSE 0 END AS generated_by_constraint
	        FROM
	          pg_stat_user_indexes idx
	        LEFT JOIN
	          pg_constraint con ON con.conindid = idx.indexrelid
	        WHERE idx.relname = 'posts' and schemaname = 'public'
	        group by index_name, table_name,schemaname, generated_by_constraint;
;;
