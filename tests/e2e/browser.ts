// Browser harness: Debian's Chromium driven by playwright-core (no browser downloads here).
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { shopperIp } from "../support/storefront";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Headless Chromium says "HeadlessChrome", which the app turns away as a bot (isbot). */
export const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/** A context for one shopper (own address for the app's per-IP limits, own cookies). */
export function shopper(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: inject("devstoreOrigin"),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "en-US",
    userAgent: USER_AGENT,
    extraHTTPHeaders: { "X-Devstore-Client-Ip": shopperIp() },
  });
}

/** axe-core on a page or frame: no violations at all (any impact). */
export async function expectNoAxeViolations(target: Page | Frame, selector?: string): Promise<void> {
  await target.addScriptTag({ path: AXE });
  const violations = await target.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(include ? { include: [include] } : document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector ?? null);
  expect(violations).toEqual([]);
}

/**
 * Opens one of the app's pages from the admin's navigation and waits for its heading. The
 * menu answers once the app has loaded in its frame (a click before that is not seen), so it
 * clicks until the page is there.
 */
export async function openAppPage(admin: Page, item: string, heading: string): Promise<FrameLocator> {
  const app = admin.frameLocator("iframe#app");
  await expect
    .poll(
      async () => {
        await admin.getByRole("button", { name: item, exact: true }).click();
        return app.getByRole("heading", { level: 1 }).textContent({ timeout: 5000 });
      },
      { timeout: 45_000, interval: 1000 },
    )
    .toBe(heading);
  return app;
}
