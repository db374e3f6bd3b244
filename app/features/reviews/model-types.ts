// What a review is, without the database: statuses and text limits (shared by the model, the
// forms and the CSV import).
export const STATUSES = ["pending", "published", "hidden", "spam"] as const;
export type ReviewStatus = (typeof STATUSES)[number];
export const isStatus = (value: unknown): value is ReviewStatus => STATUSES.includes(value as ReviewStatus);

export const LIMITS = { title: 150, body: 5000, author: 80, reply: 5000 } as const;
