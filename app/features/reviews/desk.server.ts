// The reply desk's endpoints (embedded admin, /app/reviews): the queue with its filters, and
// the owner's actions — public reply, private reply by email, publish / hide / spam, singly
// and in bulk. Routes call these after authenticate.admin.
import { adminQuery, type AdminGraphql } from "~/graphql.server";
import { mailConfigured } from "~/mail/transport.server";
import { getShopProfile } from "~/shop/profile.server";
import { sendPrivateReply } from "./mail.server";
import {
  deleteReviews,
  getReview,
  isOverdue,
  isStatus,
  LIMITS,
  listQueue,
  recordPrivateReply,
  replyPublicly,
  reviewedProducts,
  setStatus,
  type QueueFilter,
} from "./model.server";
import { loadReviewSettings } from "./settings.server";

export const REVIEW_PRODUCTS_QUERY = `#graphql
  query CareDeskReviewProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product { id title handle }
    }
  }
` as const;

async function productTitles(graphql: AdminGraphql, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)].slice(0, 250);
  if (unique.length === 0) return {};
  const data = await adminQuery(graphql, REVIEW_PRODUCTS_QUERY, { ids: unique });
  const titles: Record<string, string> = {};
  for (const node of data.nodes) if (node && "title" in node && node.id) titles[node.id] = node.title;
  return titles;
}

const VIEWS = ["awaiting", "pending", "published", "hidden", "spam", "all"] as const;

/** The queue's filter from the desk's URL (?view=&rating=&product=&verified=&from=&to=&q=&sort=&page=). */
export function filterFromUrl(url: URL): { filter: QueueFilter; page: number } {
  const p = url.searchParams;
  const view = VIEWS.find((v) => v === p.get("view")) ?? "awaiting";
  const rating = Number(p.get("rating"));
  const date = (value: string | null) => {
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const d = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const to = date(p.get("to"));
  const sort = p.get("sort");
  return {
    filter: {
      view,
      rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
      productId: p.get("product")?.startsWith("gid://shopify/Product/") ? p.get("product") : null,
      verified: p.get("verified") === "yes" ? true : p.get("verified") === "no" ? false : null,
      from: date(p.get("from")),
      to: to ? new Date(to.getTime() + 86_400_000) : null,
      query: p.get("q")?.slice(0, 100) || null,
      sort: sort === "oldest" || sort === "newest" ? sort : "priority",
    },
    page: Math.min(1000, Math.max(1, Number.parseInt(p.get("page") ?? "1", 10) || 1)),
  };
}

export async function loadDesk({ shop, graphql, url }: { shop: string; graphql: AdminGraphql; url: URL }) {
  const { filter, page } = filterFromUrl(url);
  const [settings, queue, productIds] = await Promise.all([
    loadReviewSettings({ shop }),
    listQueue({ shop, filter, page }),
    reviewedProducts({ shop }),
  ]);
  const titles = await productTitles(graphql, [...productIds, ...queue.reviews.map((r) => r.productId)]);
  const now = Date.now();
  return {
    page,
    hasNext: queue.hasNext,
    mail: mailConfigured(),
    replyTargetHours: settings.replyTargetHours,
    templates: settings.replyTemplates,
    products: productIds.map((id) => ({ id, title: titles[id] ?? id })),
    reviews: queue.reviews.map((r) => ({
      id: r.id,
      productId: r.productId,
      productTitle: titles[r.productId] ?? "Deleted product",
      rating: r.rating,
      title: r.title,
      body: r.body,
      authorName: r.authorName,
      hasEmail: Boolean(r.email),
      locale: r.locale,
      status: r.status,
      verified: r.verified,
      createdAt: r.createdAt.toISOString(),
      replyBody: r.replyBody,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      replied: Boolean(r.firstRepliedAt),
      overdue: isOverdue(r, settings.replyTargetHours, now),
    })),
  };
}

export type DeskResult = { ok: boolean; message: string };

/** One desk action (intent = reply | private-reply | published | hidden | spam | delete; ids for bulk). */
export async function deskAction({
  shop,
  graphql,
  form,
}: {
  shop: string;
  graphql: AdminGraphql;
  form: FormData;
}): Promise<DeskResult> {
  const intent = String(form.get("intent") ?? "");
  const ids = form
    .getAll("id")
    .map(String)
    .filter((id) => id.length > 0 && id.length <= 64)
    .slice(0, 250);
  if (ids.length === 0) return { ok: false, message: "Select at least one review." };

  if (isStatus(intent)) {
    const changed = await setStatus({ shop, ids, status: intent });
    const verb = { pending: "Moved back to pending", published: "Published", hidden: "Hidden", spam: "Marked as spam" }[
      intent
    ];
    return { ok: true, message: `${verb}: ${changed} review${changed === 1 ? "" : "s"}` };
  }

  if (intent === "delete") {
    const deleted = await deleteReviews({ shop, ids });
    return { ok: true, message: `Deleted: ${deleted} review${deleted === 1 ? "" : "s"}` };
  }

  const body = String(form.get("body") ?? "").trim();
  if (body.length > LIMITS.reply) return { ok: false, message: `A reply has at most ${LIMITS.reply} characters.` };
  if (intent === "reply") {
    const done = await replyPublicly({ shop, id: ids[0]!, body });
    if (!done) return { ok: false, message: "This review no longer exists." };
    return { ok: true, message: body ? "Reply saved" : "Reply removed" };
  }
  if (intent === "private-reply") {
    if (!body) return { ok: false, message: "Write the reply first." };
    if (!mailConfigured()) return { ok: false, message: "Email is not configured (SMTP_URL)." };
    const review = await getReview({ shop, id: ids[0]! });
    if (!review) return { ok: false, message: "This review no longer exists." };
    const [profile, titles] = await Promise.all([
      getShopProfile({ shop, graphql }),
      productTitles(graphql, [review.productId]),
    ]);
    const recorded = await recordPrivateReply({ shop, id: review.id, body });
    if (!recorded) return { ok: false, message: "This reviewer left no email address." };
    await sendPrivateReply({
      replyId: recorded.replyId,
      to: recorded.review.email,
      locale: recorded.review.locale,
      productTitle: titles[review.productId] ?? "",
      reply: body,
      review: recorded.review,
      profile,
    });
    return { ok: true, message: "Private reply sent by email" };
  }
  return { ok: false, message: "Unknown action" };
}
