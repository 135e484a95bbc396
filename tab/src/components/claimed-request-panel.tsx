import { Button, Card, MessageBar, MessageBarBody, Text, Title3 } from "@fluentui/react-components";
import { useState } from "react";
import type { RequestDetailView as RequestDetail } from "../../../shared/api/index.js";
import type { TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { RelayComposer } from "../requests/relay-composer.js";

const NEXT_STEPS: Record<string, { action: string; label: TabMessageKey }[]> = {
  claimed: [
    { action: "start_conversation", label: "actionStartConversation" },
    { action: "refer", label: "actionRefer" },
    { action: "resolve", label: "actionResolve" },
    { action: "release", label: "actionRelease" },
  ],
  in_conversation: [
    { action: "refer", label: "actionRefer" },
    { action: "resolve", label: "actionResolve" },
    { action: "release", label: "actionRelease" },
  ],
};

/**
 * What only the claimer sees: the request itself, the box to write to the requester through the bot
 * (as the bot's own card offers), and the next steps the status machine allows.
 */
export function ClaimedRequestPanel({ request, session, onChanged }: { request: RequestDetail; session: Session; onChanged: () => void }) {
  const { text, formatMessage, labelFor } = useMessages();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const act = async (action: string) => {
    setBusy(true);
    const done = await session.api.act(request.referenceCode, action).then(
      () => true,
      () => false,
    );
    setFailed(!done);
    setBusy(false);
    onChanged();
  };
  return (
    <Card
      data-testid="claimed-request"
      style={{ minWidth: 0 }}
      aria-label={formatMessage("claimedPanelTitle", { code: request.referenceCode })}
    >
      <Title3>{formatMessage("claimedPanelTitle", { code: request.referenceCode })}</Title3>
      <Text>
        {labelFor("category", request.category)} · {labelFor("urgency", request.urgency)} · {labelFor("status", request.status)}
      </Text>
      <Text>{formatMessage("contactBy", { contact: labelFor("contact", request.contact) })}</Text>
      <Text>{request.anonymous || !request.requesterName ? text.anonymousRequester : request.requesterName}</Text>
      {request.text && (
        <Text>
          <strong>{text.requestText}:</strong> {request.text}
        </Text>
      )}
      <RelayComposer
        key={request.referenceCode}
        code={request.referenceCode}
        session={session}
        direction="toRequester"
        testId="relay-box"
      />
      {failed && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{text.claimedActionFailed}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {(NEXT_STEPS[request.status] ?? []).map(({ action, label }) => (
          <Button key={action} size="small" disabled={busy} onClick={() => void act(action)}>
            {text[label]}
          </Button>
        ))}
      </div>
    </Card>
  );
}
