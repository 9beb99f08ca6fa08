/* Base header: standard includes, forward typedefs and small helpers shared by
 * every layer. Nothing here depends on libevent, OpenSSL, SQLite or pg_query. */
#ifndef LG_LG_H
#define LG_LG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LG_VERSION "0.1.0"
/* What clients see as server_version: the PostgreSQL release we emulate. */
#define LG_PG_SERVER_VERSION "15.20"
#define LG_PG_SERVER_VERSION_NUM 150020
#define LG_PG_SERVER_VERSION_NUM_STR "150020"

#define LG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define LG_UNUSED(x) ((void)(x))

#if defined(__GNUC__)
#define LG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define LG_LIKELY(x) __builtin_expect(!!(x), 1)
#define LG_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LG_PRINTF(fmt, args)
#define LG_LIKELY(x) (x)
#define LG_UNLIKELY(x) (x)
#endif

typedef uint32_t lg_oid_t;

typedef struct lg_error lg_error_t;
typedef struct lg_sb lg_sb_t;
typedef struct lg_arena lg_arena_t;

#endif
