import { Button, Card, Spinner, Text, Title3 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { CircleEditInput } from "../../../shared/circles/circle-programme.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { cadenceText, nextSessionText, viewerOf } from "./circle-format.js";
import { CircleEditForm } from "./circle-edit-form.js";
import { Notice, type NoticeState } from "./notice.js";

/** Every circle in the organisation, for the admin: who is in it and when it meets, in the admin's zone. */
export function AllCircles({ session, generation }: { session: Session; generation: number }) {
  const messages = useMessages();
  const { text, formatMessage, errorText } = messages;
  const [circles, reload] = useLoad(
    useCallback(() => session.api.allCircles(), [session]),
    generation,
  );
  const viewer = viewerOf(session);
  const [editing, setEditing] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const save = async (circleId: string, change: CircleEditInput) => {
    setSaving(true);
    setNotice(undefined);
    try {
      await session.api.editCircle(circleId, change);
      setEditing(undefined);
      setNotice({ intent: "success", message: text.circleEditSaved });
      reload();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="all-circles-title" style={{ display: "grid", gap: 12 }}>
      <Title3 as="h2" id="all-circles-title">
        {text.programmeCirclesTitle}
      </Title3>
      {notice && <Notice {...notice} />}
      {circles.status === "loading" && <Spinner size="small" label={text.loading} />}
      {circles.status === "failed" && <ErrorState message={errorText(circles.error)} onRetry={reload} />}
      {circles.status === "ready" && circles.data.circles.length === 0 && (
        <Text data-testid="all-circles-empty">{text.programmeCirclesEmpty}</Text>
      )}
      {circles.status === "ready" &&
        circles.data.circles.map((circle) => (
          <Card key={circle.id} role="region" aria-labelledby={`all-${circle.id}-title`} data-testid="admin-circle">
            <Text as="h3" weight="semibold" size={400} id={`all-${circle.id}-title`} style={{ margin: 0 }}>
              {circle.name}
            </Text>
            {circle.topic && <Text>{circle.topic}</Text>}
            {circle.sessionsPlanned !== undefined && (
              <Text weight={circle.reformDue ? "semibold" : "regular"} data-testid={circle.reformDue ? "reform-due" : undefined}>
                {formatMessage(circle.reformDue ? "circleReformDue" : "circleSessionsHeld", {
                  held: String(circle.sessionsHeld ?? 0),
                  planned: String(circle.sessionsPlanned),
                })}
              </Text>
            )}
            <Text>
              {formatMessage("programmeCircleSchedule", {
                cadence: cadenceText(messages, circle.recurrence.cadence),
                when: nextSessionText(circle.recurrence, viewer) ?? text.circleNoUpcoming,
              })}
            </Text>
            <Text size={200}>{circle.members.map((member) => member.displayName).join(", ")}</Text>
            {editing === circle.id ? (
              <CircleEditForm
                circle={circle}
                saving={saving}
                onSave={(change) => void save(circle.id, change)}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <div>
                <Button size="small" onClick={() => setEditing(circle.id)}>
                  {formatMessage("circleEditTitle", { name: circle.name })}
                </Button>
              </div>
            )}
            {(circle.joinRequests ?? []).length > 0 && (
              <div style={{ display: "grid", gap: 6 }} data-testid="join-requests">
                <Text>
                  {formatMessage("programmeJoinRequests", {
                    names: (circle.joinRequests ?? []).map((person) => person.displayName || text.someone).join(", "),
                  })}
                </Text>
                <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
                  {(circle.joinRequests ?? []).map((person) => (
                    <span key={person.userId} style={{ display: "flex", gap: 8 }}>
                      <Button
                        size="small"
                        onClick={() => void session.api.decideJoinRequest(circle.id, person.userId, "approve").then(reload, reload)}
                      >
                        {formatMessage("programmeApprove", { name: person.displayName || text.someone })}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => void session.api.decideJoinRequest(circle.id, person.userId, "decline").then(reload, reload)}
                      >
                        {formatMessage("programmeDecline", { name: person.displayName || text.someone })}
                      </Button>
                    </span>
                  ))}
                </div>
              </div>
            )}
          </Card>
        ))}
    </section>
  );
}
