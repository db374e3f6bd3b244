// A process that accepts a burst of contact messages the way the submit endpoint does
// (acceptMessage: the acknowledgement job, then the conversation) while its own job worker
// sends the acknowledgements. After each accepted message it prints "accepted <reference>":
// that is the moment the shopper would see "sent". tests/data/contact-kill.test.ts kills it
// with SIGKILL in the middle. Run with `node --import tsx`.
import { acceptMessage } from "../../app/features/contact/accept.server";
import { startWorker } from "../../app/worker.server";

const shop = process.env.BURST_SHOP!;
const count = Number(process.env.BURST_COUNT ?? 200);

await startWorker();
const pending = new Set<Promise<void>>();
for (let i = 0; i < count; i++) {
  // Eight shoppers at once, as a burst on a real store would be.
  const accepted = acceptMessage({
    shop,
    conversation: {
      name: `Shopper ${i}`,
      email: `shopper${i}@example.com`,
      orderNumber: null,
      topic: "order",
      message: `Burst message ${i}`,
      locale: "en",
      spamReason: null,
    },
  }).then(({ reference }) => {
    process.stdout.write(`accepted ${reference}\n`);
  });
  pending.add(accepted);
  void accepted.finally(() => pending.delete(accepted));
  if (pending.size >= 8) await Promise.race(pending);
  // Shoppers arrive over a few seconds, not in one tight loop (which would starve the worker).
  await new Promise((resolve) => setTimeout(resolve, 10));
}
await Promise.all(pending);
process.stdout.write("done\n");
