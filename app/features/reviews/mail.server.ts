// Private owner replies, emailed to the reviewer in the review's language through the durable
// outbox (once per reply). The reply and the review are plain text: escaped in the HTML part.
import { enqueueMail, escapeHtml as escape, linkListEmail } from "~/mail/outbox.server";
import type { ShopProfile } from "~/shop/profile.server";
import { translator } from "~/storefront/i18n";

const paragraphs = (text: string) => escape(text).replace(/\r?\n/g, "<br>");

export async function sendPrivateReply({
  replyId,
  to,
  locale,
  productTitle,
  reply,
  review,
  profile,
}: {
  replyId: string;
  to: string;
  locale: string;
  productTitle: string;
  reply: string;
  review: { title: string; body: string };
  profile: Pick<ShopProfile, "name" | "contactEmail">;
}) {
  const t = translator(locale);
  const intro = t("reviews.email.private_intro", { shop: profile.name });
  const quoted = [review.title, review.body].filter(Boolean).join("\n");
  await enqueueMail({
    key: `reviews.private-reply:${replyId}`,
    mail: {
      to,
      shopName: profile.name,
      replyTo: profile.contactEmail,
      subject: t("reviews.email.private_subject", { product: productTitle }),
      text: `${intro}\n\n${reply}\n\n> ${quoted.replace(/\n/g, "\n> ")}\n`,
      html: `<p>${escape(intro)}</p><p>${paragraphs(reply)}</p><blockquote style="color:#555;border-left:3px solid #ccc;padding-left:12px">${paragraphs(quoted)}</blockquote>`,
    },
  });
}

/** The review request: one link per product of the order. */
export async function sendReviewRequest({
  key,
  to,
  orderName,
  links,
  profile,
  locale,
}: {
  key: string;
  to: string;
  orderName: string;
  links: { title: string; url: string }[];
  profile: Pick<ShopProfile, "name" | "contactEmail">;
  locale: string;
}) {
  const t = translator(locale);
  const intro = t("reviews.email.request_intro", { shop: profile.name, order: orderName });
  const lines = links.map((link) => ({
    label: t("reviews.email.request_link", { product: link.title }),
    url: link.url,
  }));
  await enqueueMail({
    key,
    mail: {
      to,
      shopName: profile.name,
      replyTo: profile.contactEmail,
      subject: t("reviews.email.request_subject", { order: orderName }),
      ...linkListEmail({ intro, links: lines }),
    },
  });
}
