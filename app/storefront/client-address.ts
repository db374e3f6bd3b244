// The shopper's address, for per-address rate limits. Shopify's app proxy sends
// `X-Forwarded-For: <shopper>`; every proxy of the app's own deployment (TRUSTED_PROXY_HOPS)
// appends the address it saw. Counting from the end skips exactly those, so entries a client
// forged in front of the list are never read. IPv6 shoppers are grouped per /64, the block one
// subscriber usually holds, so rotating through it buys nothing.
import { isIPv4, isIPv6 } from "node:net";

/** The rate-limit key of the shopper's address, or null when there is none to trust. */
export function clientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - 1 - trustedHops];
  return entry === undefined ? null : addressKey(entry);
}

/** An IPv4 address as is, an IPv6 address as its /64 prefix, anything else null. */
export function addressKey(raw: string): string | null {
  const address = raw.replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const groups = expandIPv6(address.split("%")[0]!);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.replace(v4[1]!, `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
