// Webhook authentication: the official library verifies the HMAC (401 on a bad one). A
// delivery without any HMAC header is unauthenticated too, so it also gets 401 (the library
// answers 400 for missing headers).
import { authenticate } from "~/shopify.server";

export async function authenticateWebhook(request: Request) {
  const hasHmac = request.headers.has("x-shopify-hmac-sha256");
  try {
    return await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof Response && error.status === 400 && !hasHmac) {
      throw new Response(undefined, { status: 401, statusText: "Unauthorized" });
    }
    throw error;
  }
}
