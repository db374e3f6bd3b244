/* global shopify */
// The modal of "Download invoice": the order's documents (invoice, credit notes) from Care
// Desk, each a download button; a clear message when there is none yet.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { orderDocuments } from "../../care-desk-account-shared/api.js";
import { DocumentButton } from "../../care-desk-account-shared/DocumentButton.jsx";

export default async () => {
  render(<DocumentsModal />, document.body);
};

function DocumentsModal() {
  const t = (key, options) => shopify.i18n.translate(key, options);
  const orderId = shopify.orderId;
  const [state, setState] = useState({ status: "loading" });
  useEffect(() => {
    orderDocuments([orderId])
      .then((orders) => setState({ status: "ready", documents: orders[orderId] ?? [] }))
      .catch(() => setState({ status: "error" }));
  }, [orderId]);

  return (
    <s-customer-account-action heading={t("action.heading")}>
      <s-stack direction="block" gap="base">
        {state.status === "loading" ? <s-spinner accessibilityLabel={t("action.loading")} /> : null}
        {state.status === "error" ? <s-banner tone="critical">{t("errors.unavailable")}</s-banner> : null}
        {state.status === "ready" && state.documents.length === 0 ? (
          <s-paragraph>{t("action.none")}</s-paragraph>
        ) : null}
        {state.status === "ready"
          ? state.documents.map((document) => (
              <DocumentButton key={document.key} orderId={orderId} orderName="" document={document} />
            ))
          : null}
      </s-stack>
      <s-button slot="secondary-actions" onClick={() => shopify.close()}>
        {t("action.close")}
      </s-button>
    </s-customer-account-action>
  );
}
