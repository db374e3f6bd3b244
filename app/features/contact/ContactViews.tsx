// Storefront answers of the contact endpoints (app proxy pages and fragments): the form again
// after a field error (the same fields and hidden inputs as the "Contact" block's form), the
// shopper's conversation page with its reply form, and the CSAT page.
import type { Translate } from "~/storefront/i18n";
import { Message } from "~/storefront/Message";
import { TOPICS } from "./model.server";

export interface ContactValues {
  name?: string;
  email?: string;
  order_number?: string;
  topic?: string;
  message?: string;
}

export function ContactForm({
  t,
  locale,
  values,
  startedAt,
}: {
  t: Translate;
  locale: string;
  values: ContactValues;
  startedAt: number;
}) {
  return (
    <form className="care-desk__form" action="/apps/care/contact/" method="post">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="started" value={String(startedAt)} />
      <input type="hidden" name="faq_opened" value="" />
      <div className="care-desk__field">
        <label htmlFor="CareContactName">{t("contact.form.name")}</label>
        <input
          id="CareContactName"
          name="name"
          type="text"
          maxLength={80}
          autoComplete="name"
          required
          defaultValue={values.name}
        />
      </div>
      <div className="care-desk__field">
        <label htmlFor="CareContactEmail">{t("contact.form.email")}</label>
        <input
          id="CareContactEmail"
          name="email"
          type="email"
          maxLength={254}
          autoComplete="email"
          required
          defaultValue={values.email}
        />
      </div>
      <div className="care-desk__field">
        <label htmlFor="CareContactOrder">{t("contact.form.order")}</label>
        <input
          id="CareContactOrder"
          name="order_number"
          type="text"
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.order_number}
        />
      </div>
      <div className="care-desk__field">
        <label htmlFor="CareContactTopic">{t("contact.form.topic")}</label>
        <select id="CareContactTopic" name="topic" defaultValue={values.topic ?? "order"}>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`contact.topics.${topic}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="care-desk__field">
        <label htmlFor="CareContactMessage">{t("contact.form.message")}</label>
        <textarea
          id="CareContactMessage"
          name="message"
          rows={6}
          maxLength={5000}
          required
          defaultValue={values.message}
        />
      </div>
      <div className="care-desk__trap" aria-hidden="true">
        <label htmlFor="CareContactWebsite">Website</label>
        <input id="CareContactWebsite" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="care-desk__button button">
        {t("contact.form.submit")}
      </button>
    </form>
  );
}

export interface ConversationView {
  reference: string;
  status: string;
  shopName: string;
  messages: { id: string; author: string; body: string; at: string; when: string }[];
}

export function ConversationPage({
  t,
  view,
  token,
  locale,
  notice,
}: {
  t: Translate;
  view: ConversationView;
  token: string;
  locale: string;
  notice?: { key: string; tone: "info" | "error" };
}) {
  return (
    <div>
      <h2 className="care-desk__heading">{t("contact.conversation.title", { reference: view.reference })}</h2>
      {notice ? <Message tone={notice.tone}>{t(notice.key)}</Message> : null}
      <ol className="care-contact__thread">
        {view.messages.map((m) => (
          <li
            key={m.id}
            className={`care-contact__message${m.author === "owner" ? " care-contact__message--owner" : ""}`}
          >
            <p>
              <strong>{m.author === "owner" ? view.shopName : t("contact.conversation.you")}</strong> ·{" "}
              <time dateTime={m.at}>{m.when}</time>
            </p>
            <p style={{ whiteSpace: "pre-line" }}>{m.body}</p>
          </li>
        ))}
      </ol>
      {view.status === "closed" ? <p className="care-desk__hint">{t("contact.conversation.closed")}</p> : null}
      <form className="care-desk__form" action="/apps/care/contact/conversation/" method="post">
        <input type="hidden" name="t" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <div className="care-desk__field">
          <label htmlFor="CareConversationReply">{t("contact.conversation.reply")}</label>
          <textarea id="CareConversationReply" name="message" rows={5} maxLength={5000} required />
        </div>
        <button type="submit" className="care-desk__button button">
          {t("contact.conversation.send")}
        </button>
      </form>
    </div>
  );
}

export function CsatPage({
  t,
  token,
  locale,
  score,
  commented,
}: {
  t: Translate;
  token: string;
  locale: string;
  score: number | null;
  commented: boolean;
}) {
  return (
    <div>
      <h2 className="care-desk__heading">{t("contact.csat.title")}</h2>
      {score !== null ? <Message>{t("contact.csat.thanks", { score })}</Message> : null}
      {commented ? (
        <Message>{t("contact.csat.comment_thanks")}</Message>
      ) : (
        <form className="care-desk__form" action="/apps/care/contact/csat/" method="post">
          <input type="hidden" name="t" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <div className="care-desk__field">
            <label htmlFor="CareCsatComment">{t("contact.csat.comment")}</label>
            <textarea id="CareCsatComment" name="comment" rows={3} maxLength={1000} />
          </div>
          <button type="submit" className="care-desk__button button">
            {t("contact.csat.send")}
          </button>
        </form>
      )}
    </div>
  );
}
