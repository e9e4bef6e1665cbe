/** The DESIGN.md targets `npm run bench` checks its figures against. */
export const TARGET_PAGE_MS = 15;
export const TARGET_SEARCH_MS = 50;
/**
 * Registration throughput is measured where appeals arrive many at once (an import, a reception day's
 * pile: `appeals.registerBatch`). One appeal a call is the desk, where a person saves one card at a
 * time: there what counts is that the save is instant, so its target is the call's time.
 */
export const TARGET_REGISTRATIONS_PER_S = 2000;
export const TARGET_DESK_SAVE_P95_MS = 50;
export const TARGET_CARD_P50_MS = 20;
export const TARGET_REPORT_100K_MS = 2000;
export const TARGET_REMINDER_SCAN_MS = 50;
/** The home screen of each role: "instant". */
export const TARGET_HOME_MS = 100;
export const TARGET_STATISTICS_MS = 300;
