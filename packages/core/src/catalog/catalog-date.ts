/**
 * The date the catalog's facts were checked. Rules compare against it, not against the
 * clock, so validating the same recipe gives the same result on any day.
 */
export const CATALOG_DATE = '2026-11-01';
