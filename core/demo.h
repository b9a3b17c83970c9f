/* demo.h - a demo data set shaped like the published register. */
#ifndef KZ_DEMO_H
#define KZ_DEMO_H

#include "db.h"

/* The 47 prefectures in their order, for the demo's lists of Japanese
 * governments (each adds its cities). */
#define KZ_DEMO_PREFECTURES \
	"北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", \
	"茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", \
	"新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", \
	"静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", \
	"奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", \
	"徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", \
	"熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"

/* Published figures the demo reproduces (March 2022). */
#define KZ_DEMO_PEOPLE 1168
#define KZ_DEMO_REGISTRATIONS 1492

/*
 * A record is the same in every demo database that holds it: the same
 * id, the same data, the same stamps. The register belongs to head
 * office (sync_rules.c), so every demo holds the same one, as head
 * office's bundles would have brought it, under head office's prefix
 * (this one, whatever the office); an office's own records have the
 * office's prefix, and head office's demo holds them with the same ids
 * (id.h, kz_id_seq). The clock stands still at KZ_DEMO_NOW while the
 * demo is made, and every record is by KZ_DEMO_USER. So two offices'
 * demos sent whole to head office's demo bring only records it has
 * already, and head office's demo sent to an office's only the
 * bookings head office keeps (booking.h): no duplicate, no conflict.
 * An empty head office database does not take an office's demo: an
 * office may not add records under head office's prefix (sync_apply.c),
 * so the register is kept aside and the dispatches naming its people
 * fail (the bundle is refused whole).
 */
#define KZ_DEMO_HEAD "TYO"
#define KZ_DEMO_NOW "2026-11-01T00:00:00Z"
#define KZ_DEMO_USER "unknown"

/* Load the demo specialists into an empty register, in one transaction.
 * The same data every time (a fixed pseudo-random sequence). */
int kz_demo_load(struct kz_db *db, struct kz_err *err);

/* The parts of the demo beyond the register, each in its module's demo
 * file; called by kz_demo_load inside its transaction, after the
 * specialists are in. */
int kz_demo_dispatches(struct kz_db *db, struct kz_err *err);

/*
 * Ids keep their owner, in the demo too: a record made here has this
 * office's prefix, and another office's record keeps its owner's prefix
 * only because it arrived in the owner's bundle. So an office's demo
 * holds its own records (the Beijing office's requests, dispatches,
 * seminars and trainees only in Beijing's demo), and head office's demo
 * holds every office's, with the owners' prefixes, as their bundles
 * would have brought them. The register is made in every demo database,
 * alike (KZ_DEMO_HEAD above).
 * kz_demo_owner_begin returns false when this database has no records of
 * owner; otherwise, until kz_demo_owner_end, new ids take owner's prefix.
 */
struct kz_demo_owner {
	const struct kz_config *cfg;
	struct kz_config as;
};
bool kz_demo_owner_begin(struct kz_db *db, const char *owner,
    struct kz_demo_owner *o);
void kz_demo_owner_end(struct kz_db *db, struct kz_demo_owner *o);
int kz_demo_seminars(struct kz_db *db, struct kz_err *err);
/* What the Beijing office does (core/demo_activity.c): seed 001's
 * figures of fiscal 2019. */
int kz_demo_activities(struct kz_db *db, struct kz_err *err);

#endif
