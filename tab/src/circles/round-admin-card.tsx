import { Badge, Button, Card, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import type { RoundPreview, RoundSummary } from "../../../shared/circles/circle-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { cadenceText, localDateText, slotHomeText, slotsInDateOrder, slotText } from "./circle-format.js";
import { Notice, type NoticeState } from "./notice.js";
import { RoundPreviewView } from "./round-preview.js";

type PreviewState = { status: "idle" } | { status: "loading" } | { status: "ready"; preview: RoundPreview };

/** One round on the Programme page: its sign-ups, and for an open round, preview then publish. */
export function RoundAdminCard({
  round,
  session,
  viewer,
  onPublished,
}: {
  round: RoundSummary;
  session: Session;
  viewer: SessionViewer;
  onPublished: (message: string) => void;
}) {
  const messages = useMessages();
  const { text, formatMessage, errorText } = messages;
  const [preview, setPreview] = useState<PreviewState>({ status: "idle" });
  const [confirming, setConfirming] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const titleId = `admin-round-${round.id}-title`;

  const loadPreview = async () => {
    setNotice(undefined);
    setConfirming(false);
    setPreview({ status: "loading" });
    try {
      setPreview({ status: "ready", preview: await session.api.previewRound(round.id) });
    } catch (error) {
      setPreview({ status: "idle" });
      setNotice({ intent: "error", message: errorText(error) });
    }
  };
  const publish = async () => {
    setPublishing(true);
    try {
      const { circles } = await session.api.publishRound(round.id);
      setConfirming(false);
      setPreview({ status: "idle" });
      onPublished(messages.formatCount("programmePublished", circles.length, { name: round.name }));
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
      setConfirming(false);
    } finally {
      setPublishing(false);
    }
  };
  const proposed = preview.status === "ready" ? preview.preview.circles.length : 0;

  return (
    <Card role="region" aria-labelledby={titleId} data-testid="admin-round" data-round-id={round.id} data-status={round.status}>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
        <Subtitle1 as="h3" id={titleId} style={{ margin: 0 }}>
          {round.name}
        </Subtitle1>
        <Badge appearance="tint" color={round.status === "open" ? "brand" : "informative"}>
          {round.status === "open" ? text.programmeStatus_open : text.programmeStatus_published}
        </Badge>
        <Badge appearance="outline" data-testid="sign-up-count">
          {formatMessage("programmeSignUpCount", { count: String(round.signUpCount) })}
        </Badge>
      </div>
      {round.topic && <Text>{round.topic}</Text>}
      <Text>
        {formatMessage("roundClosesOn", { date: localDateText(round.closesOn, viewer.locale) })} ·{" "}
        {formatMessage("roundStartsOn", { date: localDateText(round.startsOn, viewer.locale) })}
      </Text>
      <Text>
        {formatMessage("programmeRoundShape", {
          min: String(round.groupSize.min),
          max: String(round.groupSize.max),
          cadence: cadenceText(messages, round.cadence),
        })}
      </Text>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {slotsInDateOrder(round).map((slot) => (
          <li key={slot.id}>
            {slotText(messages, round, slot, viewer)}
            <Text size={200} block>
              {slotHomeText(messages, slot, viewer.locale)}
            </Text>
          </li>
        ))}
      </ul>
      {notice && <Notice {...notice} />}
      {preview.status === "loading" && <Spinner size="small" label={text.loading} />}
      {preview.status === "ready" && <RoundPreviewView round={round} preview={preview.preview} viewer={viewer} />}
      {round.status === "open" &&
        (confirming ? (
          <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={text.programmePublish}>
            <MessageBarBody>{messages.formatCount("programmePublishConfirm", proposed, { name: round.name })}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" disabled={publishing} onClick={() => void publish()}>
                {text.programmePublishYes}
              </Button>
              <Button onClick={() => setConfirming(false)}>{text.programmeCancel}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
            <Button disabled={preview.status === "loading"} onClick={() => void loadPreview()}>
              {preview.status === "ready" ? text.programmePreviewRefresh : text.programmePreview}
            </Button>
            {preview.status === "ready" && proposed > 0 && (
              <Button appearance="primary" onClick={() => setConfirming(true)}>
                {text.programmePublish}
              </Button>
            )}
          </div>
        ))}
    </Card>
  );
}
