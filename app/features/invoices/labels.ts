// The invoice PDF's own words, in the five languages of the storefront.
import type { InvoiceLanguage } from "./document";

export interface InvoiceLabels {
  invoice: string;
  creditNote: string;
  test: string;
  number: string;
  issueDate: string;
  /** A credit note's issue date. */
  creditDate: string;
  supplyDate: string;
  order: string;
  corrects: string;
  billTo: string;
  taxId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  amount: string;
  subtotal: string;
  discount: string;
  shipping: string;
  tax: string;
  taxIncluded: string;
  total: string;
  /** A credit note's total. */
  totalCredit: string;
  /** A credit note's money refunded beyond or short of its lines. */
  adjustment: string;
  /** A credit note's reason (the refund's note). */
  reason: string;
  pricesInclude: string;
  pricesExclude: string;
  page: string;
}

export const LABELS: Record<InvoiceLanguage, InvoiceLabels> = {
  en: {
    invoice: "Invoice",
    creditNote: "Credit note",
    test: "TEST ORDER – not a valid invoice",
    number: "Number",
    issueDate: "Issue date",
    creditDate: "Issue date",
    supplyDate: "Supply date",
    order: "Order",
    corrects: "Corrects invoice",
    billTo: "Bill to",
    taxId: "Tax ID",
    description: "Description",
    quantity: "Qty",
    unitPrice: "Unit price",
    taxRate: "Tax",
    amount: "Amount",
    subtotal: "Subtotal",
    discount: "Discount",
    shipping: "Shipping",
    tax: "Tax",
    taxIncluded: "incl.",
    total: "Total",
    totalCredit: "Total credited",
    adjustment: "Refund adjustment",
    reason: "Reason",
    pricesInclude: "Prices include tax.",
    pricesExclude: "Prices exclude tax; tax is added.",
    page: "Page",
  },
  de: {
    invoice: "Rechnung",
    creditNote: "Gutschrift",
    test: "TESTBESTELLUNG – keine gültige Rechnung",
    number: "Nummer",
    issueDate: "Rechnungsdatum",
    creditDate: "Datum der Gutschrift",
    supplyDate: "Leistungsdatum",
    order: "Bestellung",
    corrects: "Korrigiert Rechnung",
    billTo: "Rechnungsempfänger",
    taxId: "USt-IdNr.",
    description: "Beschreibung",
    quantity: "Menge",
    unitPrice: "Einzelpreis",
    taxRate: "USt.",
    amount: "Betrag",
    subtotal: "Zwischensumme",
    discount: "Rabatt",
    shipping: "Versand",
    tax: "USt.",
    taxIncluded: "enthalten",
    total: "Gesamtbetrag",
    totalCredit: "Gutschriftsbetrag",
    adjustment: "Erstattungsausgleich",
    reason: "Grund",
    pricesInclude: "Die Preise enthalten die Umsatzsteuer.",
    pricesExclude: "Die Preise verstehen sich zuzüglich Umsatzsteuer.",
    page: "Seite",
  },
  fr: {
    invoice: "Facture",
    creditNote: "Avoir",
    test: "COMMANDE TEST – facture non valable",
    number: "Numéro",
    issueDate: "Date d’émission",
    creditDate: "Date de l’avoir",
    supplyDate: "Date de livraison",
    order: "Commande",
    corrects: "Rectifie la facture",
    billTo: "Facturé à",
    taxId: "N° TVA",
    description: "Désignation",
    quantity: "Qté",
    unitPrice: "Prix unitaire",
    taxRate: "TVA",
    amount: "Montant",
    subtotal: "Sous-total",
    discount: "Remise",
    shipping: "Livraison",
    tax: "TVA",
    taxIncluded: "incluse",
    total: "Total",
    totalCredit: "Total de l’avoir",
    adjustment: "Ajustement du remboursement",
    reason: "Motif",
    pricesInclude: "Prix TTC.",
    pricesExclude: "Prix HT ; la TVA s’ajoute.",
    page: "Page",
  },
  es: {
    invoice: "Factura",
    creditNote: "Factura rectificativa",
    test: "PEDIDO DE PRUEBA – factura no válida",
    number: "Número",
    issueDate: "Fecha de emisión",
    creditDate: "Fecha de emisión",
    supplyDate: "Fecha de entrega",
    order: "Pedido",
    corrects: "Rectifica la factura",
    billTo: "Facturar a",
    taxId: "NIF/IVA",
    description: "Descripción",
    quantity: "Cant.",
    unitPrice: "Precio unitario",
    taxRate: "IVA",
    amount: "Importe",
    subtotal: "Subtotal",
    discount: "Descuento",
    shipping: "Envío",
    tax: "IVA",
    taxIncluded: "incluido",
    total: "Total",
    totalCredit: "Total abonado",
    adjustment: "Ajuste del reembolso",
    reason: "Motivo",
    pricesInclude: "Los precios incluyen impuestos.",
    pricesExclude: "Los precios no incluyen impuestos; se añaden.",
    page: "Página",
  },
  ja: {
    invoice: "請求書",
    creditNote: "返金明細書",
    test: "テスト注文 – 有効な請求書ではありません",
    number: "番号",
    issueDate: "発行日",
    creditDate: "発行日",
    supplyDate: "取引日",
    order: "注文",
    corrects: "対象の請求書",
    billTo: "請求先",
    taxId: "登録番号",
    description: "品目",
    quantity: "数量",
    unitPrice: "単価",
    taxRate: "税率",
    amount: "金額",
    subtotal: "小計",
    discount: "割引",
    shipping: "送料",
    tax: "消費税",
    taxIncluded: "内税",
    total: "合計",
    totalCredit: "返金合計",
    adjustment: "返金調整",
    reason: "理由",
    pricesInclude: "価格は税込みです。",
    pricesExclude: "価格は税抜きです。税金が加算されます。",
    page: "ページ",
  },
};
