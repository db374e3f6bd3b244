// Storefront: /apps/care/contact (app proxy). GET: the contact form as a page (order number
// prefilled from ?order=); POST: the "Contact" block's form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  CONTACT_ENDPOINT,
  CONTACT_FORM_LIMITS,
  showContactForm,
  submitContact,
} from "~/features/contact/endpoints.server";
import { handleStorefront } from "~/storefront/proxy.server";

export const loader = ({ request }: LoaderFunctionArgs) => handleStorefront(request, CONTACT_ENDPOINT, showContactForm);

export const action = ({ request }: ActionFunctionArgs) =>
  handleStorefront(request, CONTACT_ENDPOINT, (storefront) => submitContact(storefront, request), CONTACT_FORM_LIMITS);
