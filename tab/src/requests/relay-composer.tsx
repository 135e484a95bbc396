import { Button, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import type { TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";

/** The words of one side of the relay: the requester's (to their supporter) or the claimer's (to the requester). */
const WORDS: Record<"toSupporter" | "toRequester", { label: TabMessageKey; sent: TabMessageKey; failed: TabMessageKey }> = {
  toSupporter: { label: "messageLabel", sent: "messageSent", failed: "messageFailed" },
  toRequester: { label: "relayToRequesterLabel", sent: "relaySentToRequester", failed: "relayFailedToRequester" },
};

/**
 * Writing to the other side through the bot (flow A.7), from the tab: the requester's identity never
 * travels. Screened as it is typed, in the browser; a failed send keeps the words in the box.
 */
export function RelayComposer({
  code,
  session,
  direction,
  testId = "message-box",
}: {
  code: string;
  session: Session;
  direction: "toSupporter" | "toRequester";
  testId?: string;
}) {
  const { text } = useMessages();
  const words = WORDS[direction];
  const [message, setMessage] = useState("");
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed" | "closed" | "crisis">("idle");
  const send = async () => {
    setState("sending");
    try {
      const result = await session.api.sendMessage(code, message);
      setMessage("");
      setState(result.crisis ? "crisis" : "sent");
    } catch (error) {
      setState((error as { status?: number }).status === 409 ? "closed" : "failed");
    }
  };
  return (
    <div style={{ display: "grid", gap: 8, minWidth: 0 }}>
      {state === "crisis" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{text.messageCrisis}</MessageBarBody>
        </MessageBar>
      )}
      {state === "sent" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{text[words.sent]}</MessageBarBody>
        </MessageBar>
      )}
      {(state === "failed" || state === "closed") && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{state === "closed" ? text.relayClosed : text[words.failed]}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={text[words.label]}>
        <Textarea value={message} maxLength={2000} onChange={(_event, data) => setMessage(data.value)} data-testid={testId} />
      </Field>
      {/* Screened as it is typed, here in the browser: the lines are shown before anything is sent. */}
      <TypedCrisisNotice texts={message} locale={session.context.locale} />
      <Button
        appearance="primary"
        disabled={!message.trim() || state === "sending"}
        onClick={() => void send()}
        style={{ justifySelf: "start" }}
      >
        {text.messageSend}
      </Button>
    </div>
  );
}
