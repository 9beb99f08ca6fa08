#include "proxy/database.h"

#include "catalog/sequence.h"

#include "common/error.h"
#include "common/log.h"
#include "common/mem.h"
#include "common/strbuf.h"

#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAIN_FILE "public.db"
#define MAX_DB_NAME 63

static bool temporary_root; /* --memory: durability is not wanted */

static char *path_join(const char *a, const char *b)
{
	lg_sb_t sb = LG_SB_INIT;
	lg_sb_appendf(&sb, "%s/%s", a, b);
	return lg_sb_detach(&sb);
}

/* Removes a directory of plain files (our database directories). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = path_join(dir, e->d_name);
			if (!p)
				continue;
			struct stat st;
			if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
				remove_tree(p);
			else
				unlink(p);
			lg_free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

static bool valid_db_name(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > MAX_DB_NAME || name[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (name[i] == '/' || name[i] == '\0')
			return false;
	return true;
}

static lg_db_t *add_db(lg_dbs_t *dbs, const char *name)
{
	lg_db_t *db = lg_calloc(1, sizeof(*db));
	if (!db)
		return NULL;
	db->name = lg_strdup(name);
	db->dir = path_join(dbs->root, name);
	if (!db->name || !db->dir) {
		lg_free(db->name);
		lg_free(db->dir);
		lg_free(db);
		return NULL;
	}
	db->id = ++dbs->next_id;
	db->next = dbs->list;
	dbs->list = db;
	return db;
}

static void free_db(lg_db_t *db)
{
	lg_free(db->name);
	lg_free(db->dir);
	lg_free(db);
}

/* Removes the memory directories of litegres processes that died without
 * cleaning up (kill -9), so tmpfs does not fill up over time. */
/* Removes a database's files; its sequences' records go with them, so a
 * database created later under the same name starts afresh. */
static void remove_db_dir(const char *dir)
{
	char *abs = realpath(dir, NULL);
	lg_cat_sequence_forget_under(abs ? abs : dir);
	free(abs);
	remove_tree(dir);
}

static void remove_stale_memory_dirs(const char *base)
{
	DIR *d = opendir(base);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		int pid;
		char tail[16];
		if (sscanf(e->d_name, "litegres-%d-%15s", &pid, tail) != 2 || pid <= 0 ||
		    pid == (int)getpid())
			continue;
		if (kill(pid, 0) == 0 || errno != ESRCH)
			continue;
		char *p = path_join(base, e->d_name);
		if (p) {
			lg_log(LG_LOG_INFO, "removing %s, left by process %d", p, pid);
			remove_tree(p);
		}
		lg_free(p);
	}
	closedir(d);
}

static int make_root(lg_dbs_t *dbs, const char *data_dir, lg_error_t *err)
{
	if (data_dir) {
		if (mkdir(data_dir, 0700) != 0 && errno != EEXIST)
			return lg_error_set(err, LG_SQLSTATE_IO_ERROR,
					    "could not create directory \"%s\": %s", data_dir,
					    strerror(errno));
		dbs->root = lg_strdup(data_dir);
		dbs->temporary = false;
	} else {
		const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		remove_stale_memory_dirs(base);
		lg_sb_t sb = LG_SB_INIT;
		lg_sb_appendf(&sb, "%s/litegres-%d-XXXXXX", base, (int)getpid());
		char *tmpl = lg_sb_detach(&sb);
		if (!tmpl || !mkdtemp(tmpl)) {
			lg_free(tmpl);
			return lg_error_set(err, LG_SQLSTATE_IO_ERROR,
					    "could not create a temporary directory: %s",
					    strerror(errno));
		}
		dbs->root = tmpl;
		dbs->temporary = true;
	}
	temporary_root = dbs->temporary;
	if (!dbs->root)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return 0;
}

/* Creates the database directory and its main SQLite file. */
static int init_db_files(lg_db_t *db, lg_error_t *err)
{
	if (mkdir(db->dir, 0700) != 0 && errno != EEXIST)
		return lg_error_set(err, LG_SQLSTATE_IO_ERROR,
				    "could not create directory \"%s\": %s", db->dir,
				    strerror(errno));
	return 0;
}

int lg_dbs_open(lg_dbs_t *dbs, const char *data_dir, lg_error_t *err)
{
	memset(dbs, 0, sizeof(*dbs));
	if (make_root(dbs, data_dir, err) != 0)
		return -1;
	DIR *d = opendir(dbs->root);
	if (!d)
		return lg_error_set(err, LG_SQLSTATE_IO_ERROR, "could not open directory \"%s\": %s",
				    dbs->root, strerror(errno));
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !valid_db_name(e->d_name))
			continue;
		char *dir = path_join(dbs->root, e->d_name);
		char *main_file = dir ? path_join(dir, MAIN_FILE) : NULL;
		struct stat st;
		if (main_file && stat(main_file, &st) == 0)
			add_db(dbs, e->d_name);
		lg_free(main_file);
		lg_free(dir);
	}
	closedir(d);
	if (!lg_db_find(dbs, "postgres")) {
		lg_db_t *db = add_db(dbs, "postgres");
		if (!db)
			return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
		if (init_db_files(db, err) != 0)
			return -1;
		sqlite3 *conn;
		if (lg_db_connect(dbs, db, &conn, err) != 0)
			return -1;
		sqlite3_close(conn);
	}
	return 0;
}

void lg_dbs_close(lg_dbs_t *dbs)
{
	lg_db_t *db = dbs->list;
	while (db) {
		lg_db_t *next = db->next;
		free_db(db);
		db = next;
	}
	dbs->list = NULL;
	if (dbs->temporary && dbs->root)
		remove_tree(dbs->root);
	lg_free(dbs->root);
	dbs->root = NULL;
}

lg_db_t *lg_db_find(lg_dbs_t *dbs, const char *name)
{
	for (lg_db_t *db = dbs->list; db; db = db->next)
		if (!db->dropped && strcmp(db->name, name) == 0)
			return db;
	return NULL;
}

static int sqlite_fail(sqlite3 *conn, const char *what, lg_error_t *err)
{
	return lg_error_set(err, LG_SQLSTATE_IO_ERROR, "%s: %s", what,
			    conn ? sqlite3_errmsg(conn) : "out of memory");
}

static int exec_pragmas(sqlite3 *conn, lg_error_t *err)
{
	/* WAL: readers never wait for the writer. Memory mode trades
	 * durability for speed; data-dir keeps full fsync on commit. */
	const char *pragmas = temporary_root
		? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;"
		  "PRAGMA case_sensitive_like=ON; PRAGMA recursive_triggers=ON;"
		: "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
		  "PRAGMA case_sensitive_like=ON; PRAGMA recursive_triggers=ON;";
	char *msg = NULL;
	if (sqlite3_exec(conn, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		lg_error_set(err, LG_SQLSTATE_IO_ERROR, "could not configure database: %s",
			     msg ? msg : "unknown error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int lg_db_connect(lg_dbs_t *dbs, lg_db_t *db, sqlite3 **out, lg_error_t *err)
{
	LG_UNUSED(dbs);
	*out = NULL;
	char *path = path_join(db->dir, MAIN_FILE);
	if (!path)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	sqlite3 *conn = NULL;
	int rc = sqlite3_open_v2(path, &conn,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
				 NULL);
	lg_free(path);
	if (rc != SQLITE_OK) {
		sqlite_fail(conn, "could not open database", err);
		sqlite3_close(conn);
		return -1;
	}
	sqlite3_extended_result_codes(conn, 1);
	if (exec_pragmas(conn, err) != 0) {
		sqlite3_close(conn);
		return -1;
	}
	*out = conn;
	return 0;
}

void lg_db_attach(lg_db_t *db)
{
	db->nsessions++;
}

static void unlink_db(lg_dbs_t *dbs, lg_db_t *db)
{
	for (lg_db_t **p = &dbs->list; *p; p = &(*p)->next) {
		if (*p == db) {
			*p = db->next;
			return;
		}
	}
}

void lg_db_detach(lg_dbs_t *dbs, lg_db_t *db)
{
	if (--db->nsessions == 0 && db->dropped) {
		unlink_db(dbs, db);
		remove_db_dir(db->dir);
		free_db(db);
	}
}

static int copy_database(lg_dbs_t *dbs, lg_db_t *src, lg_db_t *dst, lg_error_t *err)
{
	sqlite3 *from = NULL, *to = NULL;
	int ret = -1;
	if (lg_db_connect(dbs, src, &from, err) != 0 || lg_db_connect(dbs, dst, &to, err) != 0)
		goto out;
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b) {
		sqlite_fail(to, "could not copy database", err);
		goto out;
	}
	int rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		lg_error_set(err, LG_SQLSTATE_OBJECT_IN_USE,
			     "source database \"%s\" is being accessed by other users", src->name);
		goto out;
	}
	ret = 0;
out:
	sqlite3_close(from);
	sqlite3_close(to);
	return ret;
}

int lg_db_create(lg_dbs_t *dbs, const char *name, const char *template_name, lg_error_t *err)
{
	if (!valid_db_name(name))
		return lg_error_set(err, LG_SQLSTATE_INVALID_PARAMETER_VALUE,
				    "invalid database name \"%s\"", name);
	if (lg_db_find(dbs, name))
		return lg_error_set(err, LG_SQLSTATE_DUPLICATE_DATABASE,
				    "database \"%s\" already exists", name);
	lg_db_t *src = NULL;
	/* template0/template1 exist in PostgreSQL; here they mean "empty". */
	if (template_name && strcmp(template_name, "template0") != 0 &&
	    strcmp(template_name, "template1") != 0) {
		src = lg_db_find(dbs, template_name);
		if (!src)
			return lg_error_set(err, LG_SQLSTATE_UNDEFINED_DATABASE,
					    "template database \"%s\" does not exist", template_name);
		if (src->nsessions > 0) {
			lg_error_set(err, LG_SQLSTATE_OBJECT_IN_USE,
				     "source database \"%s\" is being accessed by other users",
				     template_name);
			lg_error_field(err, LG_ERRF_DETAIL,
				       "There %s %d other session%s using the database.",
				       src->nsessions == 1 ? "is" : "are", src->nsessions,
				       src->nsessions == 1 ? "" : "s");
			return -1;
		}
	}
	lg_db_t *db = add_db(dbs, name);
	if (!db)
		return lg_error_set(err, LG_SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (init_db_files(db, err) != 0 || (src && copy_database(dbs, src, db, err) != 0)) {
		unlink_db(dbs, db);
		remove_db_dir(db->dir);
		free_db(db);
		return -1;
	}
	if (!src) {
		sqlite3 *conn;
		if (lg_db_connect(dbs, db, &conn, err) != 0)
			return -1;
		sqlite3_close(conn);
	}
	return 0;
}

int lg_db_drop(lg_dbs_t *dbs, const char *name, bool missing_ok, lg_error_t *err)
{
	lg_db_t *db = lg_db_find(dbs, name);
	if (!db) {
		if (missing_ok)
			return 0;
		return lg_error_set(err, LG_SQLSTATE_UNDEFINED_DATABASE,
				    "database \"%s\" does not exist", name);
	}
	if (db->nsessions > 0) {
		lg_error_set(err, LG_SQLSTATE_OBJECT_IN_USE,
			     "database \"%s\" is being accessed by other users", name);
		lg_error_field(err, LG_ERRF_DETAIL, "There %s %d other session%s using the database.",
			       db->nsessions == 1 ? "is" : "are", db->nsessions,
			       db->nsessions == 1 ? "" : "s");
		return -1;
	}
	unlink_db(dbs, db);
	remove_db_dir(db->dir);
	free_db(db);
	return 0;
}
