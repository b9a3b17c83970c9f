/* schema_activity.h - tables of what an office does (core/activity.h), made by one migration. */
#ifndef KZ_SCHEMA_ACTIVITY_H
#define KZ_SCHEMA_ACTIVITY_H

/* IF NOT EXISTS throughout: a test that rolls the schema version back
 * to replay older migrations finds these tables there already. */
#define KZ_STAMP_COLUMNS \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT"

#define KZ_SCHEMA_ACTIVITY \
	"CREATE TABLE IF NOT EXISTS support (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  start TEXT NOT NULL," \
	"  end TEXT CHECK (end IS NULL OR end >= start)," \
	"  government TEXT NOT NULL," \
	"  kind TEXT NOT NULL CHECK (kind IN ('visit', 'event', 'liaison'," \
	"    'interpreting', 'venue', 'briefing', 'other'))," \
	"  place TEXT," \
	"  partner TEXT," \
	"  what TEXT," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS support_start ON support(start);" \
	"CREATE TABLE IF NOT EXISTS research (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  government TEXT NOT NULL," \
	"  topic TEXT NOT NULL," \
	"  requested TEXT NOT NULL," \
	"  due TEXT," \
	"  status TEXT NOT NULL CHECK (status IN ('requested', 'in_progress'," \
	"    'delivered', 'cancelled'))," \
	"  delivered TEXT CHECK (status <> 'delivered' OR delivered IS NOT " \
	"    NULL)," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS research_requested ON research(requested);" \
	"CREATE TABLE IF NOT EXISTS promotion (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  kind TEXT NOT NULL CHECK (kind IN ('fair', 'cooking', 'other'))," \
	"  name TEXT NOT NULL," \
	"  start TEXT NOT NULL," \
	"  end TEXT CHECK (end IS NULL OR end >= start)," \
	"  venue TEXT," \
	"  city TEXT," \
	"  governments TEXT," \
	"  shown TEXT," \
	"  attendance INTEGER CHECK (attendance IS NULL OR attendance >= 0)," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS promotion_start ON promotion(start);" \
	"CREATE TABLE IF NOT EXISTS jet (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1987 AND 2199)," \
	"  kind TEXT NOT NULL CHECK (kind IN ('alt', 'cir', 'sea'))," \
	"  level TEXT NOT NULL CHECK (level IN ('prefecture'," \
	"    'designated_city', 'municipality'))," \
	"  placement TEXT," \
	"  participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0)," \
	"  joined INTEGER NOT NULL DEFAULT 0 CHECK (joined >= 0)," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS jet_year ON jet(year);" \
	"CREATE TABLE IF NOT EXISTS friendship (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  japanese TEXT NOT NULL," \
	"  partner TEXT NOT NULL," \
	"  country TEXT," \
	"  region TEXT," \
	"  signed TEXT," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS friendship_signed ON friendship(signed);" \
	"CREATE TABLE IF NOT EXISTS rep_office (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  government TEXT NOT NULL," \
	"  city TEXT NOT NULL," \
	"  country TEXT," \
	"  name TEXT," \
	"  opened TEXT," \
	"  closed TEXT," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS rep_office_opened ON rep_office(opened);" \
	"CREATE TABLE IF NOT EXISTS delegation (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  direction TEXT NOT NULL CHECK (direction IN ('received', 'made'))," \
	"  who TEXT NOT NULL," \
	"  start TEXT NOT NULL," \
	"  end TEXT CHECK (end IS NULL OR end >= start)," \
	"  place TEXT," \
	"  government TEXT," \
	"  purpose TEXT," \
	"  status TEXT NOT NULL CHECK (status IN ('planned', 'held'," \
	"    'cancelled'))," \
	"  notes TEXT," \
	KZ_STAMP_COLUMNS \
	");" \
	"CREATE INDEX IF NOT EXISTS delegation_start ON delegation(start);" \
	"CREATE TABLE IF NOT EXISTS delegation_member (" \
	"  delegation TEXT NOT NULL REFERENCES delegation(id) ON DELETE " \
	"    CASCADE," \
	"  specialist TEXT NOT NULL," \
	"  PRIMARY KEY (delegation, specialist)" \
	");" \
	"CREATE INDEX IF NOT EXISTS delegation_member_specialist ON " \
	"  delegation_member(specialist);" \
	/* a delegation's specialists are booked (core/booking.c): the \
	 * summary's kinds take it, so the table is made again */ \
	"CREATE TABLE booking_new (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  kind TEXT NOT NULL CHECK (kind IN ('dispatch', 'seminar'," \
	"    'unavailable', 'delegation'))," \
	"  record TEXT NOT NULL," \
	"  specialist TEXT NOT NULL," \
	"  start TEXT NOT NULL," \
	"  end TEXT NOT NULL CHECK (end >= start)," \
	"  office TEXT NOT NULL," \
	"  detail TEXT" \
	");" \
	"INSERT INTO booking_new (id, kind, record, specialist, start, end," \
	"  office, detail) SELECT id, kind, record, specialist, start, end," \
	"  office, detail FROM booking;" \
	"DROP TABLE booking;" \
	"ALTER TABLE booking_new RENAME TO booking;" \
	"CREATE INDEX booking_specialist ON booking(specialist, start);"

#endif
