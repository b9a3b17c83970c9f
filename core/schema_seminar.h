/* schema_seminar.h - tables of seminars and trainees (migration 2 -> 3). */
#ifndef KZ_SCHEMA_SEMINAR_H
#define KZ_SCHEMA_SEMINAR_H

/*
 * A series (the China-Japan local exchange seminar) has editions; an
 * edition has its attendance by side or country, a programme of items
 * and participants. Trainee placements stand alone. Every record has a
 * global id; attendance rows are parts of their edition, keyed by it.
 * Times of programme items are wall-clock times with the IANA zone of
 * the venue beside them.
 */
#define KZ_SCHEMA_SEMINAR \
	"CREATE TABLE seminar_series (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  code TEXT NOT NULL UNIQUE," \
	"  name TEXT NOT NULL," \
	"  office TEXT NOT NULL," \
	"  notes TEXT," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT" \
	");" \
	"CREATE TABLE seminar (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  series TEXT NOT NULL REFERENCES seminar_series(id)," \
	"  number INTEGER CHECK (number IS NULL OR number > 0)," \
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199)," \
	"  title TEXT," \
	"  theme TEXT," \
	"  start TEXT," \
	"  end TEXT CHECK (end IS NULL OR end >= start)," \
	"  city TEXT," \
	"  region TEXT," \
	"  country TEXT," \
	"  organiser TEXT," \
	"  co_organisers TEXT," \
	"  supporters TEXT," \
	"  status TEXT NOT NULL CHECK (status IN ('planned', 'confirmed'," \
	"    'held', 'cancelled'))," \
	"  attendance INTEGER CHECK (attendance IS NULL OR attendance >= 0)," \
	"  notes TEXT," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT," \
	"  UNIQUE (series, number)" \
	");" \
	"CREATE INDEX seminar_year ON seminar(series, year);" \
	"CREATE TABLE seminar_attendance (" \
	"  seminar TEXT NOT NULL REFERENCES seminar(id) ON DELETE CASCADE," \
	"  label TEXT NOT NULL," \
	"  count INTEGER NOT NULL CHECK (count >= 0)," \
	"  position INTEGER NOT NULL DEFAULT 0," \
	"  PRIMARY KEY (seminar, label)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE programme_item (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  seminar TEXT NOT NULL REFERENCES seminar(id) ON DELETE CASCADE," \
	"  date TEXT NOT NULL," \
	"  start TEXT," \
	"  end TEXT CHECK (end IS NULL OR" \
	"    (start IS NOT NULL AND end >= start))," \
	"  tz TEXT NOT NULL," \
	"  city TEXT," \
	"  venue TEXT," \
	"  kind TEXT NOT NULL CHECK (kind IN ('arrival', 'lecture', 'briefing'," \
	"    'visit', 'courtesy-call', 'opinion-exchange', 'session'," \
	"    'reception', 'travel', 'departure'))," \
	"  title TEXT NOT NULL," \
	"  notes TEXT," \
	"  sequence INTEGER NOT NULL DEFAULT 0," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT" \
	");" \
	"CREATE INDEX programme_item_day" \
	"  ON programme_item(seminar, date, start);" \
	"CREATE TABLE participant (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  seminar TEXT NOT NULL REFERENCES seminar(id) ON DELETE CASCADE," \
	"  name TEXT NOT NULL," \
	"  name_roman TEXT," \
	"  country TEXT NOT NULL," \
	"  organisation TEXT," \
	"  post TEXT," \
	"  role TEXT NOT NULL CHECK (role IN ('participant', 'speaker'," \
	"    'interpreter', 'staff'))," \
	"  email TEXT," \
	"  phone TEXT," \
	"  needs TEXT," \
	"  notes TEXT," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT" \
	");" \
	"CREATE INDEX participant_seminar ON participant(seminar);" \
	"CREATE TABLE trainee (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  name TEXT," \
	"  name_roman TEXT," \
	"  home_government TEXT NOT NULL," \
	"  home_region TEXT," \
	"  home_country TEXT," \
	"  post TEXT," \
	"  host TEXT NOT NULL," \
	"  fields TEXT," \
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2199)," \
	"  start TEXT," \
	"  end TEXT CHECK (end IS NULL OR end >= start)," \
	"  programme TEXT NOT NULL CHECK (programme IN ('lgotp', 'jica'," \
	"    'other'))," \
	"  course TEXT," \
	"  status TEXT NOT NULL CHECK (status IN ('planned', 'ongoing'," \
	"    'completed', 'withdrawn'))," \
	"  notes TEXT," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT" \
	");" \
	"CREATE INDEX trainee_year ON trainee(year);"

#endif
