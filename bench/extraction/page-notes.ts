/**
 * Why a page scores below 0.80 for the chosen detector, written after looking at the page (tuning pages
 * only: a held-out page is never looked at, so it gets no note). bench/extraction/write-docs.ts puts these
 * in the table and names any page below 0.80 that has none.
 */
export const PAGE_NOTES: Record<string, string> = {};
