/* The model of a table being created, shared by ddl_table.c (columns,
 * keys, checks, the SQL) and ddl_fkey.c (foreign keys). */
#ifndef LG_DDL_TABLE_H
#define LG_DDL_TABLE_H

#include "rewrite/ddl_int.h"

typedef struct tcol {
	ColumnDef *def;
	const char *name;
	rw_type_t type;
	bool notnull;
	bool explicit_null;
	Constraint *default_con; /* DEFAULT */
	Constraint *identity_con; /* GENERATED ... AS IDENTITY */
	Constraint *generated; /* GENERATED ALWAYS AS (expr) STORED */
	bool serial;
	lg_cat_sequence_t *seq; /* serial / identity */
	const char *default_sql;
	const char *generated_sql;
} tcol_t;

typedef struct tkey {
	Constraint *con;
	bool primary;
	bool dropped; /* merged into an equal earlier key */
	const char *name;
	int ncols;
	const char **cols;
} tkey_t;

typedef struct tcheck {
	Constraint *con;
	const char *name;
	const char *sql;
} tcheck_t;

typedef struct tfkey {
	Constraint *con;
	const char *name;
	int ncols;
	const char **cols;
	const char *ref_table;
	const char **ref_cols;
} tfkey_t;

typedef struct tdef {
	CreateStmt *cs;
	const char *name;
	bool temp;
	ddl_names_t names;
	tcol_t *cols;
	int ncols;
	tkey_t *keys;
	int nkeys;
	tcheck_t *checks;
	int nchecks;
	tfkey_t *fkeys;
	int nfkeys;
} tdef_t;

tcol_t *ddl_table_col(tdef_t *t, const char *name);
/* Resolves, checks and names the foreign keys (after keys are named). */
int ddl_table_fkeys(rw_ctx_t *ctx, tdef_t *t);
/* Appends `CONSTRAINT "n" FOREIGN KEY (...) REFERENCES ...` for each. */
void ddl_table_fkeys_sql(const tdef_t *t, lg_sb_t *out);

#endif
