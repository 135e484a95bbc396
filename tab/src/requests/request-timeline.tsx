import { Card, MessageBar, MessageBarBody, Spinner, Text, Title3 } from "@fluentui/react-components";
import { useCallback } from "react";
import { isClosed } from "../../../shared/requests/request-status.js";
import type { RequesterAuditView } from "../../../shared/requests/request-views.js";
import { ErrorState } from "../components/error-state.js";
import { TAB_MESSAGES_EN, type Messages, type TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { dateTime } from "../time-format.js";
import { useLoad } from "../use-load.js";
import { RelayComposer } from "./relay-composer.js";

/** Who did what, in words: "You opened it", "A peer supporter took it". Never who the supporter is. */
export function timelineWords({ text, labelFor }: Pick<Messages, "text" | "labelFor">, entry: Pick<RequesterAuditView, "by" | "action">) {
  const key = `timeline${entry.by === "you" ? "You" : "Peer"}_${entry.action}`;
  return Object.hasOwn(TAB_MESSAGES_EN, key) ? text[key as TabMessageKey] : labelFor("audit", entry.action);
}

/**
 * One of the requester's own requests: what they wrote, what happened when (flow A.8), and the box to
 * write to their supporter while someone has it. Loads again whenever `version` changes.
 */
export function RequestTimeline({ code, session, version }: { code: string; session: Session; version: number }) {
  const messages = useMessages();
  const { text, errorText } = messages;
  const { locale, timeZone } = session.context;
  const [detail] = useLoad(
    useCallback(() => session.api.requestDetail(code), [code, session]),
    version,
  );
  if (detail.status === "loading") return <Spinner size="tiny" />;
  if (detail.status === "failed") return <ErrorState message={errorText(detail.error)} />;
  const { request, audit = [] } = detail.data;
  const active = request.status === "claimed" || request.status === "in_conversation";
  return (
    <Card aria-label={`${text.timelineTitle}: ${code}`} data-testid="request-detail" style={{ minWidth: 0 }}>
      <Title3>{code}</Title3>
      {request.text && (
        <Text>
          <strong>{text.requestText}:</strong> {request.text}
        </Text>
      )}
      <Text weight="semibold">{text.timelineTitle}</Text>
      <ol data-testid="request-timeline">
        {audit.map((entry, index) => (
          <li key={`${entry.at}-${entry.action}-${index}`}>
            {dateTime(entry.at, locale, timeZone)}: {timelineWords(messages, entry)}
          </li>
        ))}
      </ol>
      {active && <RelayComposer code={code} session={session} direction="toSupporter" />}
      {isClosed(request.status) && (
        <MessageBar intent="info" layout="multiline" data-testid="request-closed">
          <MessageBarBody>{text.requestClosedNoReplies}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
