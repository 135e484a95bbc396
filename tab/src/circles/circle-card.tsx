import { Button, Card, MessageBar, MessageBarActions, MessageBarBody, Text, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import type { CircleView } from "../../../shared/circles/circle-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { nextSessionText } from "./circle-format.js";
import { Notice, type NoticeState } from "./notice.js";
import { saveFile } from "../api/file-download.js";

/** One of my circles: when it next meets (in my zone), who is in it, and what I can do about it. */
export function CircleCard({
  circle,
  session,
  viewer,
  myUserId,
  onLeft,
}: {
  circle: CircleView;
  session: Session;
  viewer: SessionViewer;
  myUserId: string;
  onLeft: (name: string) => void;
}) {
  const { text, formatMessage, errorText } = useMessages();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const titleId = `circle-${circle.id}-title`;
  const next = nextSessionText(circle.recurrence, viewer);
  const [facilitatorId, setFacilitatorId] = useState(circle.nextFacilitatorId);
  const facilitator = circle.members.find((member) => member.userId === facilitatorId);

  const facilitateNext = async () => {
    setNotice(undefined);
    try {
      setFacilitatorId((await session.api.facilitateNext(circle.id)).nextFacilitatorId);
      setNotice({ intent: "success", message: text.circleFacilitateNextDone });
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    }
  };

  const downloadCalendar = async () => {
    setNotice(undefined);
    try {
      saveFile(await session.api.calendarFile(circle.id));
    } catch {
      setNotice({ intent: "error", message: text.circleCalendarFailed });
    }
  };
  const leave = async () => {
    setBusy(true);
    try {
      await session.api.leaveCircle(circle.id);
      onLeft(circle.name);
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Card role="region" aria-labelledby={titleId} data-testid="my-circle" data-circle-id={circle.id}>
      <Subtitle1 as="h3" id={titleId} style={{ margin: 0 }}>
        {circle.name}
      </Subtitle1>
      {circle.topic && <Text>{circle.topic}</Text>}
      <Text weight="semibold" data-testid="next-session">
        {next ? formatMessage("circleNextSession", { when: next }) : text.circleNoUpcoming}
      </Text>
      <Text>{circle.recurrence.cadence === "weekly" ? text.circleMeetsWeekly : text.circleMeetsFortnightly}</Text>
      {facilitator && (
        <Text data-testid="next-facilitator">
          {formatMessage("circleFacilitator", {
            name: facilitator.userId === myUserId ? text.circleFacilitatorYou : facilitator.displayName,
          })}
        </Text>
      )}
      {next && facilitatorId !== myUserId && (
        <div>
          <Button size="small" onClick={() => void facilitateNext()}>
            {text.circleFacilitateNext}
          </Button>
        </div>
      )}
      <Text weight="semibold" id={`${titleId}-members`}>
        {text.circleMembers}
      </Text>
      <ul aria-labelledby={`${titleId}-members`} style={{ margin: 0, paddingInlineStart: 20 }}>
        {circle.members.map((member) => (
          <li key={member.userId}>
            {member.userId === myUserId ? formatMessage("circleMemberYou", { name: member.displayName }) : member.displayName}
          </li>
        ))}
      </ul>
      {notice && <Notice {...notice} />}
      {confirming ? (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={text.circleLeave}>
          <MessageBarBody>{formatMessage("circleLeaveConfirm", { name: circle.name })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={busy} onClick={() => void leave()}>
              {text.circleLeaveYes}
            </Button>
            <Button onClick={() => setConfirming(false)}>{text.circleLeaveNo}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          {circle.joinUrl && (
            <Button as="a" appearance="primary" href={circle.joinUrl} target="_blank" rel="noopener noreferrer">
              {text.circleJoin}
            </Button>
          )}
          <Button onClick={() => void downloadCalendar()}>{text.circleAddToCalendar}</Button>
          <Button onClick={() => setConfirming(true)}>{text.circleLeave}</Button>
        </div>
      )}
    </Card>
  );
}
