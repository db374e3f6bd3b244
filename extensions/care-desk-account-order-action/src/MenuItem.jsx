/* global shopify */
// The order's action menu item: a button; the host opens the modal target when it is pressed.
import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default async () => {
  render(<s-button>{shopify.i18n.translate("action.label")}</s-button>, document.body);
};
