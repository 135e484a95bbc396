import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { RequestSummaryView } from "../../../shared/requests/request-views.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";

export type WithdrawOutcome = "withdrawn" | "conflict" | "failed";

/**
 * Withdraw, after a confirmation that says what it means: once a supporter has the request, they
 * are told. The outcome, a failure included, goes to the page to show.
 */
export function WithdrawConfirm({
  request,
  session,
  onDone,
  onCancel,
}: {
  request: RequestSummaryView;
  session: Session;
  onDone: (outcome: WithdrawOutcome) => void;
  onCancel: () => void;
}) {
  const { text, formatMessage } = useMessages();
  const [busy, setBusy] = useState(false);
  const questionRef = useRef<HTMLDivElement>(null);
  const code = request.referenceCode;
  // The question takes the focus, so keyboard and screen-reader users land on it.
  useEffect(() => questionRef.current?.querySelector("button")?.focus(), [code]);
  const withdraw = async () => {
    setBusy(true);
    let outcome: WithdrawOutcome = "withdrawn";
    try {
      await session.api.act(code, "withdraw");
    } catch (error) {
      outcome = (error as { status?: number }).status === 409 ? "conflict" : "failed";
    }
    setBusy(false);
    onDone(outcome);
  };
  const title = formatMessage("withdrawConfirmTitle", { code });
  return (
    <div ref={questionRef}>
      <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={title} data-testid="withdraw-confirm">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {request.status === "open" ? text.withdrawConfirmOpen : text.withdrawConfirmClaimed}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" disabled={busy} onClick={() => void withdraw()}>
            {text.withdrawConfirm}
          </Button>
          <Button disabled={busy} onClick={onCancel}>
            {text.withdrawKeep}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
