// Environment, validated once when the server starts. A missing or malformed value stops
// the app with a message naming the variable. Documented in .env.example.
import { z } from "zod";
import { databaseKind, databaseUrl } from "./db-url";

const url = (what: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` });

/** "20/600": 20 attempts per 600 seconds. */
const limit = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'must look like "20/600" (attempts per seconds)')
    .default(fallback)
    .transform((value) => {
      const [points, durationSeconds] = value.split("/").map(Number) as [number, number];
      return { points, durationSeconds };
    });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    SHOPIFY_API_KEY: z
      .string({ error: "is required (the app's client ID)" })
      .min(1, "is required (the app's client ID)"),
    SHOPIFY_API_SECRET: z
      .string({ error: "is required (the app's client secret)" })
      .min(1, "is required (the app's client secret)"),
    SHOPIFY_APP_URL: url("the public URL Shopify reaches the app at"),
    SCOPES: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/, "must be a comma-separated list of scopes")
      .optional(),
    DATABASE_URL: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const resolved = databaseUrl(value);
        try {
          databaseKind(resolved);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^DATABASE_URL /, "") });
          return z.NEVER;
        }
        return resolved;
      }),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    /** Outgoing mail (one-time codes, order links): smtp(s)://user:pass@host:port. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().optional(),
    /** How long an instance keeps a shop's offline session in memory (0: read it on every request). */
    SESSION_CACHE_SECONDS: z.coerce.number({ error: "must be a number" }).min(0).max(300).default(30),
    /** Background jobs (app/jobs): run the worker inside this app process ("false": only enqueue). */
    JOBS_WORKER: z
      .enum(["true", "false"], { error: 'must be "true" or "false"' })
      .default("true")
      .transform((value) => value === "true"),
    /** How often an idle worker looks for due jobs; jobs enqueued in the same process start at once. */
    JOBS_POLL_SECONDS: z.coerce.number({ error: "must be a number" }).min(0.5, "must be at least 0.5").default(2),
    /**
     * How long a job may run before it counts as lost (crashed or killed worker) and is retried
     * by another worker. Longer jobs set their own in defineJob.
     */
    JOBS_LEASE_SECONDS: z.coerce.number({ error: "must be a number" }).int("must be an integer").min(1).default(120),
    /**
     * How many proxies of the app's own deployment (load balancers, CDN) sit between Shopify's
     * app proxy and the app: each appends one X-Forwarded-For entry, so the shopper's address is
     * that many entries from the end, after the one Shopify's proxy wrote. 0: Shopify reaches the
     * app directly; 1 (default): one load balancer, as on Fly, Render, Heroku or a cloud LB.
     */
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "must be a number" })
      .int("must be an integer")
      .min(0)
      .max(5)
      .default(1),
    LOOKUP_LIMIT_PER_IP: limit("20/600"),
    /** A lookup session ends this many seconds after the shopper's proof, however often renewed. */
    LOOKUP_SESSION_MAX_AGE_SECONDS: z.coerce.number({ error: "must be a number" }).int().min(60).default(7200),
    /** Wrong one-time codes per order, across challenges ("10/3600": 10 per hour). */
    LOOKUP_CODE_GUESSES_PER_ORDER: limit("10/3600"),
    LOOKUP_LIMIT_PER_ORDER: limit("8/900"),
    LINKS_LIMIT_PER_IP: limit("5/3600"),
    LINKS_LIMIT_PER_EMAIL: limit("3/3600"),
    /** Contact messages: beyond these per address / per sender email they go to Spam. */
    CONTACT_LIMIT_PER_IP: limit("5/600"),
    CONTACT_LIMIT_PER_EMAIL: limit("5/3600"),
    /** Contact posts from one address beyond which the form answers 429 and stores nothing. */
    CONTACT_FLOOD_PER_IP: limit("30/3600"),
    /**
     * Inbound email (replies to Care Desk's contact emails) through Mailgun's inbound routes:
     * the domain of the route (reply-to addresses reply+…@this) and Mailgun's HTTP webhook
     * signing key, which signs every POST (HMAC-SHA256 over timestamp + token).
     */
    INBOUND_EMAIL_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, "must be a domain name")
      .optional(),
    MAILGUN_WEBHOOK_SIGNING_KEY: z.string().min(8).optional(),
    /**
     * Where the app reaches Shopify's platform (Admin API, OAuth token exchange, App Bridge).
     * Unset in production: the app talks to https://{shop}.myshopify.com as always. Set only
     * to run against a local emulation of the platform (the README's dev store).
     */
    SHOPIFY_PLATFORM_ORIGIN: url("a local emulation of Shopify's platform").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SHOPIFY_PLATFORM_ORIGIN) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_PLATFORM_ORIGIN"],
        message: "must not be set in production: the app must talk to Shopify itself",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"} ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
