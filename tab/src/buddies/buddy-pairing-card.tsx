import { Button, Card, MessageBar, MessageBarActions, MessageBarBody, Subtitle1, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { BuddyPairingView } from "../../../shared/circles/buddy-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { saveFile } from "../api/file-download.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { checkInText, sinceText } from "./buddy-format.js";

/** One of my pairings: who, the suggested first check-in in my zone, and a quiet way to end it. */
export function BuddyPairingCard({
  pairing,
  session,
  viewer,
  onEnded,
}: {
  pairing: BuddyPairingView;
  session: Session;
  viewer: SessionViewer;
  onEnded: (name: string) => void;
}) {
  const messages = useMessages();
  const { text, formatMessage, errorText } = messages;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const titleId = `buddy-${pairing.id}-title`;
  const name = pairing.partner.displayName;

  const downloadCalendar = async () => {
    setNotice(undefined);
    try {
      saveFile(await session.api.buddyCalendarFile(pairing.id));
    } catch {
      setNotice({ intent: "error", message: text.buddyCalendarFailed });
    }
  };
  const end = async () => {
    setBusy(true);
    try {
      await session.api.endBuddyPairing(pairing.id);
      onEnded(name);
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Card role="region" aria-labelledby={titleId} data-testid="buddy-pairing" data-pairing-id={pairing.id} data-role={pairing.role}>
      <Subtitle1 as="h3" id={titleId} style={{ margin: 0 }}>
        {formatMessage(pairing.role === "newcomer" ? "buddyYourBuddy" : "buddyYourNewcomer", { name })}
      </Subtitle1>
      <Text>{pairing.role === "newcomer" ? text.buddyNewcomerHint : text.buddyBuddyHint}</Text>
      <Text weight="semibold" data-testid="buddy-check-in">
        {checkInText(messages, pairing.checkIn, viewer)}
      </Text>
      <Text size={200}>{formatMessage("buddySince", { date: sinceText(pairing.since, viewer) })}</Text>
      {notice && <Notice {...notice} />}
      {confirming ? (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={text.buddyEnd}>
          <MessageBarBody>{formatMessage("buddyEndConfirm", { name })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={busy} onClick={() => void end()}>
              {text.buddyEndYes}
            </Button>
            <Button onClick={() => setConfirming(false)}>{text.buddyEndNo}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <Button onClick={() => void downloadCalendar()}>{text.buddyAddToCalendar}</Button>
          <Button onClick={() => setConfirming(true)}>{text.buddyEnd}</Button>
        </div>
      )}
    </Card>
  );
}
