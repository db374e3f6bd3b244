/* global shopify */
// "Orders & invoices": the signed-in customer's orders, newest first, ten a page, each with
// its date, number, status in plain words, total, tracking and its documents (invoice, credit
// notes) from Care Desk.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  customerAccountQuery,
  orderDocuments,
  ORDERS_QUERY,
  statusKey,
  trackingOf,
} from "../../care-desk-account-shared/api.js";
import { DocumentButton } from "../../care-desk-account-shared/DocumentButton.jsx";

export const PAGE_SIZE = 10;

export default async () => {
  render(<OrdersPage />, document.body);
};

function OrdersPage() {
  const t = (key, options) => shopify.i18n.translate(key, options);
  // Cursors of the pages seen so far: page n starts after cursors[n] (page 0: null).
  const [cursors, setCursors] = useState([null]);
  const [page, setPage] = useState(0);
  const [state, setState] = useState({ status: "loading" });

  const after = cursors[page];
  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    (async () => {
      const data = await customerAccountQuery(ORDERS_QUERY, { first: PAGE_SIZE, after });
      const orders = data.customer?.orders?.nodes ?? [];
      const pageInfo = data.customer?.orders?.pageInfo ?? { hasNextPage: false, endCursor: null };
      // Orders show at once; their documents follow (Care Desk checks they are the customer's).
      if (current) setState({ status: "ready", orders, pageInfo, documents: null });
      const documents = await orderDocuments(orders.map((o) => o.id)).catch(() => ({}));
      if (current) setState({ status: "ready", orders, pageInfo, documents });
    })().catch(() => current && setState({ status: "error" }));
    return () => {
      current = false;
    };
  }, [page, after]);

  function next() {
    if (state.status !== "ready" || !state.pageInfo.hasNextPage) return;
    setCursors([...cursors.slice(0, page + 1), state.pageInfo.endCursor]);
    setPage(page + 1);
  }

  return (
    <s-page heading={t("page.heading")}>
      {state.status === "loading" ? <s-spinner accessibilityLabel={t("page.loading")} /> : null}
      {state.status === "error" ? <s-banner tone="critical">{t("errors.orders")}</s-banner> : null}
      {state.status === "ready" && state.orders.length === 0 ? <s-paragraph>{t("page.empty")}</s-paragraph> : null}
      {state.status === "ready" && state.orders.length > 0 ? (
        <s-stack direction="block" gap="base">
          {state.orders.map((order) => (
            <OrderCard
              key={order.id}
              order={order}
              documents={state.documents?.[order.id]}
              loaded={state.documents !== null}
            />
          ))}
          <s-stack direction="inline" gap="base">
            {page > 0 ? (
              <s-button variant="secondary" onClick={() => setPage(page - 1)}>
                {t("page.previous")}
              </s-button>
            ) : null}
            {state.pageInfo.hasNextPage ? (
              <s-button variant="secondary" onClick={next}>
                {t("page.next")}
              </s-button>
            ) : null}
          </s-stack>
        </s-stack>
      ) : null}
    </s-page>
  );
}

function OrderCard({ order, documents, loaded }) {
  const t = (key, options) => shopify.i18n.translate(key, options);
  const tracking = trackingOf(order);
  const total = shopify.i18n.formatCurrency(Number(order.totalPrice.amount), {
    currency: order.totalPrice.currencyCode,
  });
  return (
    <s-section heading={t("order.heading", { name: order.name })}>
      <s-stack direction="block" gap="small-200">
        <s-text>
          {t("order.date")}: {shopify.i18n.formatDate(new Date(order.processedAt))}
        </s-text>
        <s-text>
          {t("order.status")}: {t(statusKey(order))}
        </s-text>
        <s-text>
          {t("order.total")}: {total}
        </s-text>
        {tracking ? (
          <s-text>
            {t("order.tracking")}:{" "}
            {tracking.url ? (
              <s-link href={tracking.url} target="_blank">
                {[tracking.company, tracking.number].filter(Boolean).join(" ")}
              </s-link>
            ) : (
              [tracking.company, tracking.number].filter(Boolean).join(" ")
            )}
          </s-text>
        ) : null}
        <s-stack direction="inline" gap="small-200">
          {(documents ?? []).map((document) => (
            <DocumentButton key={document.key} orderId={order.id} orderName={order.name} document={document} />
          ))}
          {loaded && (documents ?? []).length === 0 ? <s-text color="subdued">{t("order.no_documents")}</s-text> : null}
        </s-stack>
      </s-stack>
    </s-section>
  );
}
