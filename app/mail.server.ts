// Moved to app/mail/; kept so existing imports work.
export { mailConfigured, sendMail, type Mail } from "./mail/transport.server";
