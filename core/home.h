/* home.h - the office a database belongs to, fixed when it is made, and its file's identity. */
#ifndef KZ_HOME_H
#define KZ_HOME_H

#include <stdbool.h>

#include "db.h"

/* A database's home: the organisation, office and role it was made for
 * (sync_home's last row). Its bundles go out under this office whatever
 * configuration opens it. */
struct kz_home {
	char organisation[256];	/* "" when the configuration names none */
	char office[8];
	char role[8];		/* "office" or "head" */
	char event[8];		/* "made", "rehome" or "copy" */
	char at[32];
	char db[40];		/* the database id (sync_meta "db") */
};

/* What kz_home_open found. */
struct kz_home_open {
	bool made;		/* the home was recorded just now */
	bool copied;		/* the file is a copy: it has a new database id */
	char old_db[40];	/* with copied: the id it had */
	struct kz_home home;
};

/* Called once a database is open under cfg, with the path it was opened
 * from. The first time, records cfg's organisation, office and role as
 * the database's home, with the file's device and inode. A file whose
 * device and inode differ from those recorded is a copy: it gets a new
 * database id and starts its own bundle sequence at 1, so it never writes
 * bundles that collide with the original's. Unless any_office, a cfg of
 * another organisation, office or role is refused, naming both and what
 * to do. A NULL cfg is neither recorded nor checked. */
int kz_home_open(struct kz_db *db, const char *path, bool any_office,
    struct kz_home_open *out, struct kz_err *err);

/* The database's home; KZ_ERROR if none is recorded. */
int kz_home_get(struct kz_db *db, struct kz_home *out, struct kz_err *err);

/* Moves the database to db->cfg's office (which must be office, the
 * office asked for): a deliberate move, recorded in sync_home with the
 * time and the user, with a new database id and bundle sequence. Refused
 * while changes wait for export under the old office. */
int kz_home_rehome(struct kz_db *db, const char *office,
    struct kz_home *from, struct kz_err *err);

#endif
