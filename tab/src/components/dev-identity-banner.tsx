import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useMessages } from "../i18n/use-messages.js";
import type { DevIdentityChoice } from "../session.js";

// Only outside Teams can the user be switched, so the dropdown stays out of the first download.
const DevUserSwitcher = lazy(() => import("./dev-user-switcher.js").then((module) => ({ default: module.DevUserSwitcher })));

/** Visible whenever the tab signs in with a sample user instead of Teams SSO. */
export function DevIdentityBanner({ choice }: { choice: DevIdentityChoice }) {
  const { text } = useMessages();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="dev-identity-banner">
      <MessageBarBody>
        {text.devBanner}
        {choice.switchTo && (
          <Suspense fallback={null}>
            <DevUserSwitcher choice={choice} />
          </Suspense>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
