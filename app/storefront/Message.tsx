// A message on a storefront answer (care-desk.css). Focus moves to it when the block's
// script puts the answer in place.
import type { ReactNode } from "react";

export function Message({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "error" }) {
  return (
    <div className={tone === "error" ? "care-desk__message care-desk__message--error" : "care-desk__message"}>
      <p data-care-focus="" tabIndex={-1} className={tone === "error" ? "care-desk__error" : undefined}>
        {children}
      </p>
    </div>
  );
}
