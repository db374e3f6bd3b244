// Demo product reviews for `npm run dev`: shoppers write reviews in five languages through the
// storefront's "Write a review" form (app proxy), and the owner publishes some and replies to
// some in the reply desk (session token, as App Bridge calls it). Reviews are Care Desk's own
// data, so they are made through the app's public surfaces, never written into its database.
import { BROWSER_USER_AGENT } from "./app-process";
import { sessionToken } from "./auth/tokens";
import type { RunningDevStore } from "./server";

const DEMO = [
  {
    product: 0,
    locale: "en",
    rating: 5,
    title: "Lovely glaze",
    body: "The colour is even nicer in person.\nKeeps tea warm.",
    name: "Ava",
    reply: "Thank you, Ava! Enjoy your tea.",
  },
  {
    product: 0,
    locale: "de",
    rating: 4,
    title: "Schön, aber klein",
    body: "Sehr schöne Tasse, fasst aber weniger als gedacht.",
    name: "Jonas",
    reply: "Danke, Jonas! Die größere Variante kommt im Frühjahr.",
  },
  {
    product: 0,
    locale: "ja",
    rating: 5,
    title: "とても気に入りました",
    body: "手触りが良く、毎朝使っています。",
    name: "さくら",
    reply: null,
  },
  {
    product: 0,
    locale: "fr",
    rating: 2,
    title: "Arrivé ébréché",
    body: "L'anse était ébréchée à l'arrivée.",
    name: "Camille",
    reply: "Désolés, Camille ! Un remplacement est en route.",
  },
  {
    product: 1,
    locale: "es",
    rating: 5,
    title: "Perfecto",
    body: "Muy buena calidad, llegó rápido.",
    name: "Lucía",
    reply: null,
  },
  {
    product: 1,
    locale: "en",
    rating: 3,
    title: "Fine",
    body: "Does the job. Packaging could be better.",
    name: "Noah",
    reply: null,
  },
  {
    product: 2,
    locale: "en",
    rating: 1,
    title: "Never arrived",
    body: "Still waiting after three weeks.",
    name: "Liam",
    reply: null,
  },
  {
    product: 2,
    locale: "de",
    rating: 5,
    title: "Top",
    body: "Genau wie beschrieben.",
    name: "Mia",
    reply: "Vielen Dank, Mia!",
  },
];

export async function seedDemoReviews({
  devStore,
  appUrl,
  apiKey,
  apiSecret,
}: {
  devStore: RunningDevStore;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
}): Promise<number> {
  const products = devStore.store.defaultShop.data.products;
  const desk = async (query: string, body?: URLSearchParams) => {
    const token = await sessionToken({ shop: devStore.shop, apiKey, apiSecret });
    const response = await fetch(`${appUrl}/app/reviews?${query}&_data=routes%2Fapp.reviews`, {
      method: body ? "POST" : "GET",
      body,
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
    });
    if (response.status !== 200) throw new Error(`reply desk answered ${response.status}`);
    return (await response.json()) as { reviews?: { id: string; title: string }[] };
  };
  if ((await desk(`view=all&q=${encodeURIComponent(DEMO[0]!.title)}`)).reviews?.length) return 0; // seeded before

  for (const [index, review] of DEMO.entries()) {
    const product = products[review.product]!;
    const response = await fetch(`${devStore.origin}/apps/care/reviews/`, {
      method: "POST",
      body: new URLSearchParams({
        locale: review.locale,
        product_id: product.id.split("/").pop()!,
        started: String(Math.floor(Date.now() / 1000) - 120),
        rating: String(review.rating),
        title: review.title,
        body: review.body,
        name: review.name,
        email: `${review.name.toLowerCase().replace(/[^a-z]/g, "") || "shopper"}${index}@example.com`,
      }),
      headers: { "User-Agent": BROWSER_USER_AGENT, "X-Devstore-Client-Ip": `198.51.100.${10 + index}` },
    });
    if (response.status !== 200) throw new Error(`"Write a review" answered ${response.status}`);
  }
  const { reviews = [] } = await desk("view=all&sort=oldest");
  for (const review of DEMO) {
    const stored = reviews.find((r) => r.title === review.title);
    if (!stored || !review.reply) continue;
    await desk("", new URLSearchParams({ intent: "published", id: stored.id }));
    await desk("", new URLSearchParams({ intent: "reply", id: stored.id, body: review.reply }));
  }
  return DEMO.length;
}
