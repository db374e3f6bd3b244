/* global shopify */
// One document action ("Download invoice", "Credit note"): a click asks Care Desk for a
// one-minute, single-use link, which then opens as a plain link (the PDF downloads). After it
// is opened the button is back, so a second download asks for a fresh link.
import { useState } from "preact/hooks";
import { documentUrl } from "./api.js";

export function DocumentButton({ orderId, orderName, document }) {
  const t = (key, options) => shopify.i18n.translate(key, options);
  const [state, setState] = useState({ status: "idle" });
  const label = document.kind === "invoice" ? t("actions.invoice") : t("actions.credit_note");
  const described = document.number ? `${label} ${document.number}` : label;

  async function prepare() {
    setState({ status: "loading" });
    try {
      setState({ status: "ready", url: await documentUrl(orderId, document.key) });
    } catch (error) {
      setState({ status: "error", code: error.code ?? "unavailable" });
    }
  }

  if (state.status === "ready") {
    return (
      <s-button
        href={state.url}
        target="_blank"
        variant="primary"
        accessibilityLabel={t("actions.open_label", { document: described, order: orderName })}
        onClick={() => setState({ status: "idle" })}
      >
        {t("actions.open", { document: described })}
      </s-button>
    );
  }
  return (
    <s-stack direction="block" gap="small-300">
      <s-button
        variant="secondary"
        loading={state.status === "loading"}
        accessibilityLabel={t("actions.prepare_label", { document: described, order: orderName })}
        onClick={prepare}
      >
        {label}
      </s-button>
      {state.status === "error" ? (
        <s-text tone="critical">{t(state.code === "not_found" ? "errors.not_found" : "errors.unavailable")}</s-text>
      ) : null}
    </s-stack>
  );
}
