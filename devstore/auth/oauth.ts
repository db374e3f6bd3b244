// The token endpoint, POST /admin/oauth/access_token, as Shopify serves it:
// - token exchange (a session token for an online or offline access token); with
//   `expiring=1` an offline token that expires in an hour, with a 90-day refresh token;
// - grant_type=refresh_token: a new pair for a refresh token (see TokenStore.refresh).
import { Hono } from "hono";
import type { Env, Platform } from "../platform";
import { DEMO_STAFF, EXPIRING_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS, verifySessionToken } from "./tokens";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const ONLINE_TOKEN = "urn:shopify:params:oauth:token-type:online-access-token";

export function oauthRoutes({ store, tokens, config, apiKey, apiSecret }: Platform) {
  const app = new Hono<Env>();
  const scope = config.scopes.join(",");

  app.post("/admin/oauth/access_token", async (c) => {
    const type = c.req.header("content-type") ?? "";
    const body = type.includes("json")
      ? ((await c.req.json()) as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(await c.req.text()));
    if (body.client_id !== apiKey || body.client_secret !== apiSecret) {
      return c.json({ error: "invalid_client", error_description: "Client credentials are invalid" }, 401);
    }

    if (body.grant_type === "refresh_token") {
      const grant = tokens.refresh(body.refresh_token ?? "", apiKey);
      if (!grant)
        return c.json(
          { error: "invalid_grant", error_description: "The refresh token is invalid, expired or revoked" },
          400,
        );
      return c.json(refreshable(grant, scope));
    }

    if (body.grant_type !== TOKEN_EXCHANGE || body.subject_token_type !== ID_TOKEN) {
      return c.json(
        {
          error: "unsupported_grant_type",
          error_description: "The dev store supports token exchange and refresh tokens",
        },
        400,
      );
    }
    const subject = await verifySessionToken(body.subject_token ?? "", { apiKey, apiSecret });
    if (!subject || !store.getShop(subject.shop))
      return c.json({ error: "invalid_subject_token", error_description: "Session token is invalid" }, 400);
    const online = body.requested_token_type === ONLINE_TOKEN;
    if (!online && (body.expiring === "1" || String(body.expiring) === "true")) {
      return c.json(refreshable(tokens.issueExpiring({ shop: subject.shop, apiKey, scopes: config.scopes }), scope));
    }
    const grant = tokens.issue({
      shop: subject.shop,
      apiKey,
      scopes: config.scopes,
      online,
      expiresAt: online ? Date.now() + 86_400_000 : null,
      userId: online ? subject.userId : null,
    });
    const answer: Record<string, unknown> = { access_token: grant.token, scope };
    if (online) {
      Object.assign(answer, {
        expires_in: 86_399,
        associated_user_scope: scope,
        associated_user: {
          id: DEMO_STAFF.id,
          first_name: DEMO_STAFF.firstName,
          last_name: DEMO_STAFF.lastName,
          email: DEMO_STAFF.email,
          account_owner: true,
          locale: "en",
          collaborator: false,
          email_verified: true,
        },
      });
    }
    return c.json(answer);
  });
  return app;
}

function refreshable(
  grant: { token: string; refreshToken?: string | null; refreshExpiresAt?: number | null },
  scope: string,
) {
  return {
    access_token: grant.token,
    expires_in: EXPIRING_TOKEN_SECONDS,
    refresh_token: grant.refreshToken,
    refresh_token_expires_in: Math.min(
      REFRESH_TOKEN_SECONDS,
      Math.floor(((grant.refreshExpiresAt ?? 0) - Date.now()) / 1000),
    ),
    scope,
  };
}
