import { Button, Card, Dropdown, Field, Option, Spinner, Text, Title2, Title3 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { TeamCircleView } from "../../../shared/circles/circle-programme.js";
import { cadenceText, nextSessionText, viewerOf } from "../circles/circle-format.js";
import { Notice } from "../circles/notice.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

/**
 * The configurable tab in a team channel or group chat: the circles linked to that team, when they
 * meet in the viewer's own time, how many are in each (never who), and a way to ask to join.
 */
export function TeamCirclesPage({ session }: { session: Session }) {
  const messages = useMessages();
  const { text, formatMessage, errorText } = messages;
  const teamKey = session.context.teamKey ?? new URLSearchParams(location.search).get("team") ?? undefined;
  const [me] = useLoad(useCallback(() => session.api.me(), [session]));
  const [circles, reload] = useLoad(
    useCallback(
      () => (teamKey ? session.api.teamCircles(teamKey) : Promise.resolve({ circles: [] as TeamCircleView[] })),
      [session, teamKey],
    ),
  );
  const [notice, setNotice] = useState<{ intent: "success" | "error"; message: string }>();
  const viewer = viewerOf(session);
  const isAdmin = me.status === "ready" && me.data.roles.includes("admin");

  if (!teamKey) return <Text data-testid="team-circles-no-team">{text.teamCirclesNotInTeam}</Text>;
  if (circles.status === "loading") return <Spinner label={text.loading} />;
  if (circles.status === "failed") return <ErrorState message={errorText(circles.error)} onRetry={reload} />;

  const ask = async (circleId: string) => {
    setNotice(undefined);
    try {
      await session.api.askToJoin(circleId, teamKey);
      reload();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    }
  };

  return (
    <section aria-labelledby="team-circles-title" style={{ display: "grid", gap: 12 }}>
      <Title2 as="h1" id="team-circles-title">
        {text.teamCirclesTitle}
      </Title2>
      <Text>{text.teamCirclesIntro}</Text>
      {notice && <Notice {...notice} />}
      {circles.data.circles.length === 0 && <Text data-testid="team-circles-empty">{text.teamCirclesEmpty}</Text>}
      {circles.data.circles.map((circle) => (
        <Card key={circle.id} role="region" aria-labelledby={`team-${circle.id}`} data-testid="team-circle">
          <Text as="h2" id={`team-${circle.id}`} weight="semibold" size={400} style={{ margin: 0 }}>
            {circle.name}
          </Text>
          {circle.topic && <Text>{circle.topic}</Text>}
          <Text data-testid="team-circle-when">
            {formatMessage("programmeCircleSchedule", {
              cadence: cadenceText(messages, circle.recurrence.cadence),
              when: nextSessionText(circle.recurrence, viewer) ?? text.circleNoUpcoming,
            })}
          </Text>
          <Text size={200}>{formatMessage("teamCircleMembers", { count: String(circle.memberCount) })}</Text>
          {circle.isMember ? (
            <Text weight="semibold">{text.teamCircleYouAreIn}</Text>
          ) : circle.requested ? (
            <Text role="status">{text.teamCircleRequested}</Text>
          ) : (
            <div>
              <Button appearance="primary" onClick={() => void ask(circle.id)}>
                {text.teamCircleAskToJoin}
              </Button>
            </div>
          )}
        </Card>
      ))}
      {isAdmin && <LinkCircle session={session} teamKey={teamKey} onLinked={reload} onNotice={setNotice} />}
    </section>
  );
}

/** Admins choose which circles a team's tab lists; the team's own id comes from Teams, not from typing. */
function LinkCircle({
  session,
  teamKey,
  onLinked,
  onNotice,
}: {
  session: Session;
  teamKey: string;
  onLinked: () => void;
  onNotice: (notice: { intent: "success" | "error"; message: string }) => void;
}) {
  const { text, errorText } = useMessages();
  const [all] = useLoad(useCallback(() => session.api.allCircles(), [session]));
  const [chosen, setChosen] = useState<string>();
  if (all.status !== "ready") return null;
  const unlinked = all.data.circles.filter((circle) => circle.teamKey !== teamKey);
  if (unlinked.length === 0) return null;
  const link = async () => {
    if (!chosen) return;
    try {
      await session.api.editCircle(chosen, { teamKey });
      onNotice({ intent: "success", message: text.teamCircleLinked });
      setChosen(undefined);
      onLinked();
    } catch (error) {
      onNotice({ intent: "error", message: errorText(error) });
    }
  };
  return (
    <section aria-labelledby="team-link-title" style={{ display: "grid", gap: 8, maxWidth: 480 }}>
      <Title3 as="h2" id="team-link-title">
        {text.teamCircleLinkTitle}
      </Title3>
      <Field label={text.teamCircleLinkPick}>
        <Dropdown
          value={unlinked.find((circle) => circle.id === chosen)?.name ?? ""}
          selectedOptions={chosen ? [chosen] : []}
          onOptionSelect={(_event, data) => setChosen(data.optionValue)}
        >
          {unlinked.map((circle) => (
            <Option key={circle.id} value={circle.id}>
              {circle.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div>
        <Button disabled={!chosen} onClick={() => void link()}>
          {text.teamCircleLinkAction}
        </Button>
      </div>
    </section>
  );
}
