// "Issue credit note" on the Invoices page: a Polaris modal with adjustment lines, a reason and
// the amount the invoice can still be credited. Opening it makes a one-time key (sent as a
// hidden field), so a double submit, or a retry after a lost answer, issues one credit note.
// The server validates everything again and answers field errors, shown inline.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, FormLayout, InlineStack, Modal, Text, TextField } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import type { InvoicesActionResult } from "./admin-documents.server";

export interface CreditTarget {
  id: string;
  number: string;
  currency: string;
  creditable: string;
  money: string;
}

type Line = { description: string; quantity: string; unitPrice: string; taxRate: string };
const emptyLine = (): Line => ({ description: "", quantity: "1", unitPrice: "", taxRate: "" });

const MAX_LINES = 20;

export function CreditNoteModal({ target, onClose }: { target: CreditTarget; onClose: () => void }) {
  const fetcher = useFetcher<InvoicesActionResult>();
  const formRef = useRef<HTMLFormElement>(null);
  // One key per opening of the form: the same credit note however often it is submitted.
  const [key] = useState(() => crypto.randomUUID());
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [reason, setReason] = useState("");
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = result?.ok === false ? (result.errors ?? {}) : {};

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      shopify.toast.show(fetcher.data.message);
      onClose();
    }
  }, [fetcher.state, fetcher.data, onClose]);

  const setLine = (index: number, field: keyof Line) => (value: string) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  const submit = () => {
    if (formRef.current && fetcher.state === "idle") fetcher.submit(formRef.current, { method: "post" });
  };
  const label = (name: string, index: number) => (index === 0 ? name : `${name} (line ${index + 1})`);

  return (
    <Modal
      open
      onClose={onClose}
      title={`Issue credit note for ${target.number}`}
      primaryAction={{ content: "Issue credit note", onAction: submit, loading: fetcher.state !== "idle" }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <fetcher.Form method="post" ref={formRef} onSubmit={(event) => (event.preventDefault(), submit())}>
          <input type="hidden" name="intent" value="credit_note" />
          <input type="hidden" name="id" value={target.id} />
          <input type="hidden" name="key" value={key} />
          <BlockStack gap="400">
            <Text as="p">
              Up to <strong>{target.money}</strong> of {target.number} can still be credited. Amounts are per unit, in{" "}
              {target.currency}, like the invoice&apos;s prices (with tax when they include it).
            </Text>
            {result && !result.ok ? (
              <Banner tone="critical" title={result.message}>
                {errors.form || errors.lines || errors.id || errors.key ? (
                  <p>{errors.form ?? errors.lines ?? errors.id ?? errors.key}</p>
                ) : null}
              </Banner>
            ) : null}
            {lines.map((line, index) => (
              <FormLayout key={index}>
                <TextField
                  label={label("Description", index)}
                  name="description"
                  value={line.description}
                  onChange={setLine(index, "description")}
                  error={errors[`lines.${index}.description`]}
                  maxLength={200}
                  autoComplete="off"
                />
                <FormLayout.Group condensed>
                  <TextField
                    label={label("Quantity", index)}
                    name="quantity"
                    type="number"
                    min={1}
                    step={1}
                    value={line.quantity}
                    onChange={setLine(index, "quantity")}
                    error={errors[`lines.${index}.quantity`]}
                    autoComplete="off"
                  />
                  <TextField
                    label={label("Unit amount", index)}
                    name="unitPrice"
                    inputMode="decimal"
                    value={line.unitPrice}
                    onChange={setLine(index, "unitPrice")}
                    error={errors[`lines.${index}.unitPrice`]}
                    suffix={target.currency}
                    autoComplete="off"
                  />
                  <TextField
                    label={label("Tax rate", index)}
                    name="taxRate"
                    inputMode="decimal"
                    value={line.taxRate}
                    onChange={setLine(index, "taxRate")}
                    error={errors[`lines.${index}.taxRate`]}
                    suffix="%"
                    helpText={index === 0 ? "Empty when untaxed" : undefined}
                    autoComplete="off"
                  />
                </FormLayout.Group>
                {lines.length > 1 ? (
                  <InlineStack align="end">
                    <Button
                      variant="plain"
                      tone="critical"
                      onClick={() => setLines((all) => all.filter((_, i) => i !== index))}
                      accessibilityLabel={`Remove line ${index + 1}`}
                    >
                      Remove line
                    </Button>
                  </InlineStack>
                ) : null}
              </FormLayout>
            ))}
            {lines.length < MAX_LINES ? (
              <InlineStack>
                <Button onClick={() => setLines((all) => [...all, emptyLine()])}>Add line</Button>
              </InlineStack>
            ) : null}
            <TextField
              label="Reason"
              name="reason"
              value={reason}
              onChange={setReason}
              error={errors.reason}
              multiline={2}
              maxLength={500}
              helpText="Printed on the credit note (optional)"
              autoComplete="off"
            />
          </BlockStack>
        </fetcher.Form>
      </Modal.Section>
    </Modal>
  );
}
