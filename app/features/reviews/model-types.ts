// What a review is, without the database: statuses and text limits (shared by the model, the
// forms and the CSV import).
export const STATUSES = ["pending", "published", "hidden", "spam"] as const;
export type ReviewStatus = (typeof STATUSES)[number];
export const isStatus = (value: unknown): value is ReviewStatus => STATUSES.includes(value as ReviewStatus);

export const LIMITS = { title: 150, body: 5000, author: 80, reply: 5000 } as const;

/** CSV import: 2 MB and 5,000 reviews per file (a preview the owner can read, a request that ends in time). */
export const IMPORT_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;
