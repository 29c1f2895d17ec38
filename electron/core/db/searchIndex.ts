/** Row ids in the search index: one range per kind, so a record's entry can be found and replaced. */
export const SEARCH_KIND_BASE = { topic: 1e9, meeting: 2e9, minutes: 3e9, resolution: 4e9 } as const;
