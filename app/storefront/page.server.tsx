// The page/fragment rendering of every storefront answer: the same markup as a full page
// inside the shop's theme (no JavaScript) or as a fragment a block's script puts in place.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import blockStyles from "../../extensions/care-desk-theme/assets/care-desk.css?raw";

export type LiquidFn = (body: string, init?: ResponseInit & { layout?: boolean }) => Response;

/**
 * The response body is Liquid: Shopify renders it. Whatever we print (order data, shopper
 * input) must never be read as Liquid, so braces are written as HTML entities.
 */
export function escapeLiquid(html: string): string {
  return html.replace(/[{}%]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function storefrontResponse({
  liquid,
  element,
  fragment,
  title,
  status = 200,
  headers,
}: {
  liquid: LiquidFn;
  element: ReactElement;
  /** The block's script asked for the content only. */
  fragment: boolean;
  title: string;
  status?: number;
  headers?: HeadersInit;
}): Response {
  const content = renderToStaticMarkup(element);
  const responseHeaders = new Headers(headers);
  // Personal data: never cached by the shop's CDN or the browser.
  responseHeaders.set("Cache-Control", "no-store");
  responseHeaders.set("X-Robots-Tag", "noindex");
  // Tokens travel in the query of the app's own requests; no page sends its URL onwards.
  responseHeaders.set("Referrer-Policy", "no-referrer");
  if (fragment) return liquid(escapeLiquid(content), { status, headers: responseHeaders, layout: false });

  const page = renderToStaticMarkup(
    <div className="care-desk care-desk--page">
      <h1 className="care-desk__heading">{title}</h1>
      <div className="care-desk__result" data-care-result="" role="status">
        {element}
      </div>
    </div>,
  );
  // An emailed link or a session token in the address bar is taken out of it (and so out of
  // history and bookmarks) as soon as the page loads. No braces: this is Liquid too.
  const body = `<style>${blockStyles}</style><meta name="referrer" content="no-referrer">${escapeLiquid(page)}<script>${STRIP_TOKENS}</script>`;
  return liquid(body, { status, headers: responseHeaders });
}

const STRIP_TOKENS =
  'if(/[?&](t|link)=/.test(location.search))history.replaceState(null,"",location.pathname+location.search.replace(/([?&])(t|link)=[^&#]*&?/g,"$1").replace(/[?&]$/,"")+location.hash)';

export function wantsFragment(url: URL): boolean {
  return url.searchParams.get("view") === "fragment";
}
