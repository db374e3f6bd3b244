// Storefront markup of the guest order lookup, rendered on the server for app proxy
// responses (full pages without JavaScript, fragments with it). Classes match the theme
// extension's care-desk.css; every string comes from the extension's locale files.
import type { Translate } from "~/storefront/i18n";
import type { OrderView } from "./view";

export interface FieldErrors {
  order_number?: string;
  contact?: string;
  code?: string;
}

/**
 * The lookup form of full-page answers (no JavaScript). The block renders the same form in
 * Liquid (blocks/order-lookup.liquid); a test checks both carry the same fields.
 */
export function LookupForm({
  t,
  locale,
  values,
  errors = {},
  contactUrl,
}: {
  t: Translate;
  locale: string;
  values: { order_number?: string; contact?: string };
  errors?: FieldErrors;
  contactUrl: string;
}) {
  return (
    <form className="care-desk__form" action="/apps/care/orders/lookup/" method="post" data-care-lookup-form="">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="contact_url" value={contactUrl} />
      <Field
        id="CareOrderNumber"
        name="order_number"
        label={t("order_lookup.form.order_number")}
        hint={t("order_lookup.form.order_number_hint")}
        value={values.order_number}
        error={errors.order_number}
        maxLength={64}
        autoComplete="off"
      />
      <Field
        id="CareContact"
        name="contact"
        label={t("order_lookup.form.contact")}
        hint={t("order_lookup.form.contact_hint")}
        value={values.contact}
        error={errors.contact}
        maxLength={254}
        autoComplete="email"
      />
      <div className="care-desk__trap" aria-hidden="true">
        <label htmlFor="CareWebsite">Website</label>
        <input id="CareWebsite" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="care-desk__button button">
        {t("order_lookup.form.submit")}
      </button>
    </form>
  );
}

export function CodeForm({
  t,
  locale,
  challenge,
  hint,
  contactUrl,
  error,
}: {
  t: Translate;
  locale: string;
  challenge: string;
  /** The masked address, from the signed challenge. */
  hint: string;
  contactUrl: string;
  error?: string;
}) {
  return (
    <div>
      <p data-care-focus="" tabIndex={-1}>
        {t("order_lookup.strict.code_sent", { email: hint })}
      </p>
      <form className="care-desk__form" action="/apps/care/orders/code/" method="post" data-care-lookup-form="">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="contact_url" value={contactUrl} />
        <Field
          id="CareCode"
          name="code"
          label={t("order_lookup.strict.code")}
          hint={t("order_lookup.strict.code_hint")}
          error={error}
          maxLength={6}
          autoComplete="one-time-code"
          inputMode="numeric"
        />
        <button type="submit" className="care-desk__button button">
          {t("order_lookup.strict.submit")}
        </button>
      </form>
    </div>
  );
}

function Field({
  id,
  name,
  label,
  hint,
  value,
  error,
  maxLength,
  autoComplete,
  inputMode,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value?: string;
  error?: string;
  maxLength: number;
  autoComplete: string;
  inputMode?: "numeric";
}) {
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="care-desk__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={value}
        maxLength={maxLength}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id={`${id}-error`} className="care-desk__error">
          {error}
        </p>
      ) : null}
      <p id={`${id}-hint`} className="care-desk__hint">
        {hint}
      </p>
    </div>
  );
}

export function OrderResult({
  t,
  view,
  contactUrl,
  anotherUrl,
  invoiceUrl,
  sessionToken,
}: {
  t: Translate;
  view: OrderView;
  contactUrl: string;
  anotherUrl: string;
  invoiceUrl?: string;
  /** Keeps the shopper in for 30 minutes (the block's script remembers it for this tab). */
  sessionToken: string;
}) {
  const newWindow = t("general.opens_in_new_window");
  return (
    <article className="care-desk__order" aria-labelledby="CareOrderTitle" data-care-session={sessionToken}>
      <h2 id="CareOrderTitle" data-care-focus="" tabIndex={-1}>
        {t("order_lookup.result.title", { name: view.name })}
      </h2>
      <p>{t("order_lookup.result.placed_on", { date: view.placedOn })}</p>

      <h3>{t("order_lookup.result.status")}</h3>
      <ol className="care-desk__timeline">
        {view.timeline.map(({ step, state }) => (
          <li key={step} data-state={state} aria-current={state === "current" ? "step" : undefined}>
            {t(`order_lookup.timeline.${step}`)}
            <span className="care-desk__visually-hidden"> ({t(`order_lookup.result.step_${state}`)})</span>
          </li>
        ))}
      </ol>

      <h3>{t("order_lookup.result.shipments")}</h3>
      {view.shipments.length === 0 ? (
        <p>{t("order_lookup.result.no_shipments")}</p>
      ) : (
        <ul className="care-desk__shipments">
          {view.shipments.map((shipment, index) => (
            <li key={shipment.id}>
              <h4>{t("order_lookup.result.shipment", { number: index + 1 })}</h4>
              <dl className="care-desk__totals">
                {shipment.carrier ? (
                  <>
                    <dt>{t("order_lookup.result.carrier")}</dt>
                    <dd>{shipment.carrier}</dd>
                  </>
                ) : null}
                {shipment.number ? (
                  <>
                    <dt>{t("order_lookup.result.tracking_number")}</dt>
                    <dd>{shipment.number}</dd>
                  </>
                ) : null}
              </dl>
              {shipment.deliveredOn ? (
                <p>{t("order_lookup.result.delivered_on", { date: shipment.deliveredOn })}</p>
              ) : null}
              {shipment.estimatedDelivery ? (
                <p>{t("order_lookup.result.estimated_delivery", { date: shipment.estimatedDelivery })}</p>
              ) : null}
              {shipment.url ? (
                <a href={shipment.url} target="_blank" rel="noopener noreferrer">
                  {t("order_lookup.result.track")}
                  <span className="care-desk__visually-hidden"> {newWindow}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view.shipTo ? (
        <p>
          {t("order_lookup.result.ship_to")}: {view.shipTo}
        </p>
      ) : null}

      <h3>{t("order_lookup.result.items")}</h3>
      <ul className="care-desk__items">
        {view.items.map((item) => (
          <li key={item.id} className="care-desk__item">
            {item.image ? (
              <img src={item.image.url} alt={item.image.alt} width={64} height={64} loading="lazy" />
            ) : (
              <span aria-hidden="true" />
            )}
            <span>
              {item.title}
              {item.variantTitle ? (
                <>
                  <br />
                  <small>{item.variantTitle}</small>
                </>
              ) : null}
              <br />
              <small>{t("order_lookup.result.quantity", { count: item.quantity })}</small>
            </span>
            <span>{item.total}</span>
          </li>
        ))}
      </ul>

      <h3>{t("order_lookup.result.summary")}</h3>
      <dl className="care-desk__totals">
        {view.totals.map((line) => (
          <TotalLine key={line.key} label={t(`order_lookup.result.${line.key}`)} value={line.value} />
        ))}
      </dl>

      <h3>{t("order_lookup.result.next_steps")}</h3>
      <p>{t("order_lookup.result.contact_used", { contact: view.contact })}</p>
      <p className="care-desk__actions">
        <a
          className="button"
          href={`${contactUrl}?order=${encodeURIComponent(view.name)}`}
          data-care-contact-order={view.name}
          referrerPolicy="no-referrer"
        >
          {t("order_lookup.result.contact_us")}
        </a>
        {invoiceUrl ? (
          <>
            {" "}
            <a className="button button--secondary" href={invoiceUrl} data-care-invoice="">
              {t("order_lookup.result.invoice")}
            </a>
          </>
        ) : null}{" "}
        <a href={anotherUrl} data-care-lookup-reset="">
          {t("order_lookup.result.another")}
        </a>
      </p>
    </article>
  );
}

function TotalLine({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
