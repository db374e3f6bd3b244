import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("reads the entry Shopify's proxy wrote, skipping the app's own proxies", () => {
    // Shopify → app directly
    expect(clientAddress("198.51.100.7", 0)).toBe("198.51.100.7");
    // Shopify → one load balancer (appends Shopify's egress address) → app
    expect(clientAddress("198.51.100.7, 35.191.0.7", 1)).toBe("198.51.100.7");
    // two hops (CDN + load balancer)
    expect(clientAddress("198.51.100.7, 35.191.0.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("never reads what a client forged in front of the list", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.7, 35.191.0.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("1.1.1.1, 2.2.2.2, 198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("has no address when the header is missing, too short or unparsable", () => {
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress("", 0)).toBeNull();
    expect(clientAddress("35.191.0.7", 1)).toBeNull();
    expect(clientAddress("unknown, 35.191.0.7", 1)).toBeNull();
    expect(clientAddress("<script>, 35.191.0.7", 1)).toBeNull();
  });

  it("groups IPv6 shoppers by /64", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("[2001:db8:1:3::9]:443")).toBe("2001:db8:1:3::/64");
    expect(addressKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(addressKey("198.51.100.7:8080")).toBe("198.51.100.7");
  });
});
