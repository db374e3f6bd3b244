// The invoices' section of Settings: the seller's identity printed on every invoice, the
// numbering format, when invoices are issued, whether they are emailed, and how long they
// are kept after a customer asks to be forgotten.
import { z } from "zod";
import { defineSettings, getSettings, saveSettings } from "~/shop/settings.server";
import { inspectLogo, LOGO_MAX_BYTES, storeLogo } from "./logo.server";
import type { NumberFormat } from "./numbering";

export const INVOICE_TRIGGERS = ["paid", "fulfilled", "on_request"] as const;
export type InvoiceTrigger = (typeof INVOICE_TRIGGERS)[number];

const prefix = z
  .string()
  .max(20)
  .regex(/^[A-Za-z0-9\-_/.#]*$/, "letters, digits and - _ / . # only");

export const invoiceSettingsSchema = z
  .object({
    /** When an invoice is issued: the order is paid, fulfilled, or first requested. */
    trigger: z.enum(INVOICE_TRIGGERS),
    /** Seller identity (legal name, address lines, tax IDs such as VAT numbers). */
    legalName: z.string().max(200),
    address: z.string().max(500),
    taxIds: z.string().max(300),
    prefix,
    creditPrefix: prefix,
    includeYear: z.boolean(),
    yearlyReset: z.boolean(),
    padding: z.number().int().min(1).max(10),
    /** The first sequence number (for merchants moving from another app). */
    startNumber: z.number().int().min(1).max(999_999_999),
    /** Years an invoice is kept after customers/redact (tax law; 10 in Germany, for instance). */
    retentionYears: z.number().int().min(0).max(30),
    /** Email each new invoice and credit note to the customer as a PDF attachment. */
    emailOnIssue: z.boolean(),
    /** The logo printed on documents issued from now on (InvoiceLogo ID), or "" for none. */
    logoId: z.string().regex(/^([a-f0-9]{64})?$/),
  })
  .refine((s) => !s.yearlyReset || s.includeYear, {
    message: "A yearly reset needs the year in the number, or numbers would repeat.",
    path: ["yearlyReset"],
  });

export type InvoiceSettings = z.infer<typeof invoiceSettingsSchema>;

export const invoiceSettings = defineSettings<InvoiceSettings>({
  id: "invoices",
  schema: invoiceSettingsSchema,
  defaults: {
    trigger: "paid",
    legalName: "",
    address: "",
    taxIds: "",
    prefix: "INV-",
    creditPrefix: "CN-",
    includeYear: true,
    yearlyReset: true,
    padding: 5,
    startNumber: 1,
    retentionYears: 10,
    emailOnIssue: false,
    logoId: "",
  },
});

export function loadInvoiceSettings({ shop }: { shop: string }) {
  return getSettings(invoiceSettings, shop);
}

export function numberFormat(settings: InvoiceSettings, series: "invoice" | "credit_note"): NumberFormat {
  return {
    prefix: series === "invoice" ? settings.prefix : settings.creditPrefix,
    includeYear: settings.includeYear,
    yearlyReset: settings.yearlyReset,
    padding: settings.padding,
    startNumber: settings.startNumber,
  };
}

/** The logo the form leaves: a new upload (checked and stored), none (removed), or the current one. */
async function postedLogo(shop: string, form: FormData): Promise<{ id: string } | { error: string }> {
  if (form.get("removeLogo") === "true") return { id: "" };
  const file = form.get("logo");
  if (file && typeof file === "object" && "arrayBuffer" in file && file.size > 0) {
    if (file.size > LOGO_MAX_BYTES) return { error: "The logo must be at most 256 KB." };
    const bytes = Buffer.from(await file.arrayBuffer());
    const check = inspectLogo(bytes);
    if (!check.ok) return { error: check.error };
    return { id: await storeLogo({ shop, bytes, contentType: check.contentType }) };
  }
  return { id: (await loadInvoiceSettings({ shop })).logoId };
}

/** Saves the posted section; answers the first validation error in words. */
export async function saveInvoiceSettings({ shop, form }: { shop: string; form: FormData }) {
  const logo = await postedLogo(shop, form);
  if ("error" in logo) return { ok: false as const, error: `Logo: ${logo.error}` };
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const int = (name: string) => Number.parseInt(text(name), 10);
  const parsed = invoiceSettingsSchema.safeParse({
    trigger: text("trigger"),
    legalName: text("legalName"),
    address: text("address"),
    taxIds: text("taxIds"),
    prefix: text("prefix"),
    creditPrefix: text("creditPrefix"),
    includeYear: form.get("includeYear") === "true",
    yearlyReset: form.get("yearlyReset") === "true",
    padding: int("padding"),
    startNumber: int("startNumber"),
    retentionYears: int("retentionYears"),
    emailOnIssue: form.get("emailOnIssue") === "true",
    logoId: logo.id,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false as const, error: `${issue.path.join(".") || "Invoices"}: ${issue.message}` };
  }
  await saveSettings(invoiceSettings, shop, parsed.data);
  return { ok: true as const, error: null };
}
