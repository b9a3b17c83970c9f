/* schema_dispatch.h - tables of requests and dispatches (migration 1 -> 2). */
#ifndef KZ_SCHEMA_DISPATCH_H
#define KZ_SCHEMA_DISPATCH_H

/*
 * One SQL string, run in the migration's transaction.
 *
 * Every table has a primary key (the sync engine carries rows by it) and
 * every row that is a record of its own (a request, a dispatch, a state
 * change, a cost line) has a global id. Nothing here is derived: the
 * rules (transitions, overlaps, the longest period) live in core, which
 * refuses a change before it is written; the CHECKs are a last fence.
 *
 * Dispatches keep their specialist and request: a specialist or request
 * with dispatches cannot be deleted (the history would lose its subject),
 * which the triggers say in words rather than as a bare foreign-key error.
 */
#define KZ_SCHEMA_DISPATCH \
	"CREATE TABLE request (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  country TEXT NOT NULL," \
	"  province TEXT," \
	"  city TEXT," \
	"  department TEXT," \
	"  office TEXT NOT NULL," \
	"  received TEXT NOT NULL," \
	"  topic TEXT NOT NULL," \
	"  wish_start TEXT," \
	"  wish_end TEXT," \
	"  wish_days INTEGER CHECK (wish_days IS NULL OR wish_days BETWEEN 1 AND 366)," \
	"  mode TEXT NOT NULL CHECK (mode IN ('onsite', 'online'))," \
	"  wanted INTEGER NOT NULL DEFAULT 1 CHECK (wanted BETWEEN 1 AND 20)," \
	"  language TEXT," \
	"  interpreting TEXT NOT NULL CHECK (interpreting IN ('none', 'host'," \
	"    'office'))," \
	"  status TEXT NOT NULL CHECK (status IN ('received', 'matching'," \
	"    'proposed', 'agreed', 'closed', 'declined', 'withdrawn'))," \
	"  notes TEXT," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT" \
	");" \
	"CREATE INDEX request_received ON request(received);" \
	"CREATE TABLE request_field (" \
	"  request TEXT NOT NULL REFERENCES request(id) ON DELETE CASCADE," \
	"  field TEXT NOT NULL," \
	"  pos INTEGER NOT NULL," \
	"  PRIMARY KEY (request, field)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE request_event (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  request TEXT NOT NULL REFERENCES request(id) ON DELETE CASCADE," \
	"  at TEXT NOT NULL," \
	"  user TEXT," \
	"  from_state TEXT," \
	"  to_state TEXT NOT NULL," \
	"  note TEXT" \
	");" \
	"CREATE INDEX request_event_request ON request_event(request, at);" \
	"CREATE TABLE dispatch (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  request TEXT NOT NULL REFERENCES request(id)," \
	"  specialist TEXT NOT NULL REFERENCES specialist(id)," \
	"  start TEXT NOT NULL," \
	"  end TEXT NOT NULL CHECK (end >= start)," \
	"  places TEXT," \
	"  mode TEXT NOT NULL CHECK (mode IN ('onsite', 'online'))," \
	"  state TEXT NOT NULL CHECK (state IN ('proposed', 'drafted', 'signed'," \
	"    'scheduled', 'underway', 'returned', 'reported', 'cancelled'))," \
	"  agreement_date TEXT," \
	"  agreement_ref TEXT," \
	"  cancel_reason TEXT," \
	"  override_reason TEXT," \
	"  notes TEXT," \
	"  revision INTEGER NOT NULL DEFAULT 0," \
	"  created TEXT NOT NULL," \
	"  updated TEXT NOT NULL," \
	"  created_by TEXT," \
	"  updated_by TEXT" \
	");" \
	"CREATE INDEX dispatch_specialist ON dispatch(specialist, start);" \
	"CREATE INDEX dispatch_request ON dispatch(request);" \
	"CREATE INDEX dispatch_start ON dispatch(start);" \
	"CREATE TABLE dispatch_event (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  dispatch TEXT NOT NULL REFERENCES dispatch(id) ON DELETE CASCADE," \
	"  at TEXT NOT NULL," \
	"  user TEXT," \
	"  from_state TEXT," \
	"  to_state TEXT NOT NULL," \
	"  note TEXT" \
	");" \
	"CREATE INDEX dispatch_event_dispatch ON dispatch_event(dispatch, at);" \
	"CREATE TABLE dispatch_cost (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  dispatch TEXT NOT NULL REFERENCES dispatch(id) ON DELETE CASCADE," \
	"  category TEXT NOT NULL," \
	"  payer TEXT NOT NULL CHECK (payer IN ('head', 'host'))," \
	"  currency TEXT NOT NULL," \
	"  estimate INTEGER," \
	"  actual INTEGER," \
	"  note TEXT," \
	"  pos INTEGER NOT NULL DEFAULT 0," \
	"  updated TEXT NOT NULL," \
	"  updated_by TEXT," \
	"  UNIQUE (dispatch, category)" \
	");" \
	"CREATE TRIGGER specialist_keeps_dispatches BEFORE DELETE ON specialist" \
	"  WHEN EXISTS (SELECT 1 FROM dispatch WHERE specialist = OLD.id)" \
	"  BEGIN SELECT RAISE(ABORT, 'the specialist has dispatches, which are" \
	" kept as history: cancel them instead of deleting the specialist');" \
	"  END;" \
	"CREATE TRIGGER request_keeps_dispatches BEFORE DELETE ON request" \
	"  WHEN EXISTS (SELECT 1 FROM dispatch WHERE request = OLD.id)" \
	"  BEGIN SELECT RAISE(ABORT, 'the request has dispatches');" \
	"  END;"

/*
 * A specialist's dispatches with their days and states in the index
 * (migration 27 -> 28): a calendar of a period reads the rest of its
 * people's dispatches, for their overlaps with the period's, from the
 * index alone, not each row of the table (timeline.c). Made again, as
 * an index's columns cannot be added to.
 */
#define KZ_SCHEMA_SPAN \
	"DROP INDEX IF EXISTS dispatch_specialist;" \
	"CREATE INDEX dispatch_specialist ON dispatch(specialist, start, end, " \
	"state);"

#endif
