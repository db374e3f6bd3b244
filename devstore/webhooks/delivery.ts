// Webhook deliveries as Shopify makes them: a POST of the JSON payload to the URI the app
// subscribed the topic to (shopify.app.toml [[webhooks.subscriptions]], relative to the app
// URL or absolute), with Shopify's headers and a base64 HMAC-SHA256 of the raw body signed
// with the app secret. Topics the app does not subscribe to are not sent. Every event is
// logged (GET /__devstore/webhooks.json) with the app's answer.
import { randomUUID } from "node:crypto";
import { webhookHmac } from "../auth/signatures";

export interface WebhookSubscription {
  topics: string[];
  uri: string;
}

export interface Delivery {
  topic: string;
  shop: string;
  eventId: string;
  triggeredAt: string;
  /** Where it was sent; null when the app has no subscription for the topic (not sent). */
  uri: string | null;
  headers: Record<string, string>;
  payload: unknown;
  /** The app's HTTP status; null when not sent or the request failed. */
  status: number | null;
  error?: string;
}

export interface WebhookOptions {
  subscriptions: WebhookSubscription[];
  appUrl: string;
  apiSecret: string;
  apiVersion: string;
}

export class Webhooks {
  readonly log: Delivery[] = [];

  constructor(private readonly options: WebhookOptions) {}

  subscriptionFor(topic: string): WebhookSubscription | undefined {
    return this.options.subscriptions.find((s) => s.topics.includes(topic));
  }

  async deliver(topic: string, payload: object, { shop, badHmac = false }: { shop: string; badHmac?: boolean }) {
    const { appUrl, apiSecret, apiVersion } = this.options;
    const subscription = this.subscriptionFor(topic);
    const body = JSON.stringify(payload);
    const triggeredAt = new Date().toISOString();
    const eventId = randomUUID();
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, badHmac ? `${apiSecret}-tampered` : apiSecret),
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": apiVersion,
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Triggered-At": triggeredAt,
      "X-Shopify-Event-Id": eventId,
    };
    const delivery: Delivery = {
      topic,
      shop,
      eventId,
      triggeredAt,
      uri: subscription ? new URL(subscription.uri, `${appUrl}/`).href : null,
      headers,
      payload,
      status: null,
    };
    this.log.push(delivery);
    if (this.log.length > 1000) this.log.shift();
    if (!delivery.uri) return delivery;
    try {
      const response = await fetch(delivery.uri, { method: "POST", headers, body });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch (error) {
      delivery.error = (error as Error).message;
    }
    return delivery;
  }
}
