// `npm run dev`: the local dev store and Care Desk against it, with no account, no env file
// and no internet. Data lives in .devstore/ and is reused by the next run.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { installApp, startApp, waitForHttp } from "./app-process";
import { PROJECT_ROOT } from "./config";
import { seedDemoReviews } from "./reviews-seed";
import { startDevStore } from "./server";

async function dev() {
  const dataDir = path.join(PROJECT_ROOT, ".devstore");
  mkdirSync(dataDir, { recursive: true });
  const credentialsFile = path.join(dataDir, "app.json");
  if (!existsSync(credentialsFile)) {
    writeFileSync(
      credentialsFile,
      JSON.stringify(
        { apiKey: randomBytes(16).toString("hex"), apiSecret: `shpss_${randomBytes(16).toString("hex")}` },
        null,
        2,
      ),
    );
  }
  const { apiKey, apiSecret } = JSON.parse(readFileSync(credentialsFile, "utf8")) as {
    apiKey: string;
    apiSecret: string;
  };
  // The customer account extensions' bundles, which the new customer accounts pages load.
  execFileSync(
    path.join(PROJECT_ROOT, "node_modules/.bin/shopify"),
    ["app", "build", "--skip-dependencies-installation"],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" },
    },
  );
  const appPort = Number(process.env.PORT ?? 3000);
  const appUrl = `http://localhost:${appPort}`;

  const devStore = await startDevStore({
    port: Number(process.env.DEVSTORE_PORT ?? 9292),
    appUrl,
    apiKey,
    apiSecret,
    dataDir,
    smtpPort: Number(process.env.DEVSTORE_SMTP_PORT ?? 2525),
  });
  const app = startApp({
    mode: "dev",
    port: appPort,
    appUrl,
    apiKey,
    apiSecret,
    platformOrigin: devStore.origin,
    smtpUrl: devStore.smtpUrl,
  });

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await devStore.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  app.on("exit", (code) => void stop(code ?? 0));

  await waitForHttp(`${appUrl}/`, 120_000);
  await installApp({ appUrl, shop: devStore.shop, apiKey, apiSecret });
  const seededReviews = await seedDemoReviews({ devStore, appUrl, apiKey, apiSecret }).catch((error: unknown) => {
    console.warn("Demo reviews were not seeded:", error);
    return 0;
  });
  if (seededReviews)
    console.log(`Seeded ${seededReviews} demo product reviews (several languages, some with replies).`);
  const shop = devStore.store.defaultShop.shop;
  console.log(`
  Care Desk is running against the local dev store (${shop.name}, ${devStore.shop}).

    Admin (Care Desk embedded)   ${devStore.adminUrl}
    Storefront preview           ${devStore.origin}/
    Order lookup block           ${devStore.origin}/pages/order-status
    Product reviews block        ${devStore.origin}/products/${devStore.store.defaultShop.data.products[0]?.handle ?? ""}
    Customer accounts            ${devStore.origin}/account/login, then /account (legacy) or /account/new (new)
    Admin GraphQL endpoint       ${devStore.graphqlUrl}
    Mailbox (emails the app sent) ${devStore.origin}/__devstore/mail
    Webhooks sent (log)          ${devStore.origin}/__devstore/webhooks.json
    Order controls               POST ${devStore.origin}/__devstore/orders/:id/{pay,fulfil,deliver,refund,cancel}

  Data: .devstore/ (delete it to start over). Ctrl-C stops everything.
`);
}

const command = process.argv[2] ?? "dev";
if (command === "dev") {
  dev().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  console.error(`usage: tsx devstore/cli.ts dev`);
  process.exit(2);
}
