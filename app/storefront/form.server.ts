// Reads a storefront form post defensively: shoppers (and bots) send anything.
const MAX_BODY_BYTES = 16 * 1024;
const MAX_FIELD_LENGTH = 1024;

/**
 * The form's text fields (first value of each, at most 1 KB unless the endpoint allows more), or null when the body is not a
 * form, too large or malformed. Never throws.
 */
export interface FormLimits {
  /** Default 16 KB. */
  maxBodyBytes?: number;
  /** Characters kept of each field; default 1024. */
  maxFieldLength?: number;
}

export async function readStorefrontForm(
  request: Request,
  { maxBodyBytes = MAX_BODY_BYTES, maxFieldLength = MAX_FIELD_LENGTH }: FormLimits = {},
): Promise<Record<string, string> | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes) return null;
  try {
    const body = await request.arrayBuffer();
    if (body.byteLength > maxBodyBytes) return null;
    const form = await new Response(body, { headers: { "content-type": type } }).formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of form) {
      if (typeof value !== "string" || name in fields || name.length > 64) continue;
      fields[name] = value.slice(0, maxFieldLength);
    }
    return fields;
  } catch {
    return null;
  }
}
