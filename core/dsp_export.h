/* dsp_export.h - dispatches as CSV for spreadsheets and the annual report. */
#ifndef KZ_DSP_EXPORT_H
#define KZ_DSP_EXPORT_H

#include "buf.h"
#include "db.h"

/* Every dispatch, oldest first, with a header row: ids, the specialist,
 * dates and length, places, mode, state, the agreement, the host and
 * topic, and the cost totals per payer ("JPY 125000/118000": estimate
 * over actual, currencies separated by "; "). */
int kz_export_dispatches_csv(struct kz_db *db, struct kz_buf *out,
    struct kz_err *err);

#endif
