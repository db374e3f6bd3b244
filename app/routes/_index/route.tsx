import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  return { showForm: Boolean(login) };
};

export default function App() {
  const { showForm } = useLoaderData<typeof loader>();
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>Care Desk</h1>
      <p>
        Customer care after the purchase, for your Shopify store. Today: a guest order lookup, where shoppers without an
        account find their order&apos;s status and tracking with the order number and their email or phone.
      </p>
      {showForm && (
        <Form method="post" action="/auth/login">
          <label htmlFor="shop">Shop domain</label>{" "}
          <input id="shop" type="text" name="shop" placeholder="my-shop-domain.myshopify.com" />{" "}
          <button type="submit">Log in</button>
        </Form>
      )}
    </main>
  );
}
