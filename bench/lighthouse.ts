// Lighthouse's performance score of a dev-store page with and without Care Desk's blocks,
// against Debian's Chromium (offline). Median of three runs each, mobile preset as Shopify's
// theme checks use; the block must not cost the page more than a point.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function lighthouseScores(origin: string, path: string, runs = 3) {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const score = async (url: string) => {
      const scores: number[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance"], logLevel: "error" });
        scores.push(Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
      }
      return scores.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    };
    const separator = path.includes("?") ? "&" : "?";
    return {
      withBlock: await score(`${origin}${path}`),
      withoutBlock: await score(`${origin}${path}${separator}app_blocks=none`),
    };
  } finally {
    chrome.kill();
  }
}
