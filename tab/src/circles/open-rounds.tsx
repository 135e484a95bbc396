import { Button, Card, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Subtitle1, Title3 } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useState } from "react";
import type { RoundSummary, SignUpInput } from "../../../shared/circles/circle-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { ErrorState } from "../components/error-state.js";
import type { Messages } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { localDateText, slotHomeText, slotsInDateOrder, slotText, viewerOf } from "./circle-format.js";
import { Notice, type NoticeState } from "./notice.js";

// The form checks answers with the server's schema, which brings zod: it loads when someone signs up.
const SignUpForm = lazy(() => import("./sign-up-form.js").then((module) => ({ default: module.SignUpForm })));

/** The rounds a member can sign up for, each with its times shown in the member's own zone. */
export function OpenRounds({ session }: { session: Session }) {
  const { text, errorText } = useMessages();
  const [rounds, reload] = useLoad(useCallback(() => session.api.circleRounds(), [session]));
  const viewer = viewerOf(session);
  return (
    <section aria-labelledby="open-rounds-title" style={{ display: "grid", gap: 12 }}>
      <Title3 as="h2" id="open-rounds-title">
        {text.openRoundsTitle}
      </Title3>
      {rounds.status === "loading" && <Spinner size="small" label={text.loading} />}
      {rounds.status === "failed" && <ErrorState message={errorText(rounds.error)} onRetry={reload} />}
      {rounds.status === "ready" &&
        (rounds.data.rounds.some((round) => round.status === "open") ? (
          rounds.data.rounds
            .filter((round) => round.status === "open")
            .map((round) => <RoundCard key={round.id} round={round} session={session} viewer={viewer} onChanged={reload} />)
        ) : (
          <Text data-testid="open-rounds-empty">{text.openRoundsEmpty}</Text>
        ))}
    </section>
  );
}

function RoundCard({
  round,
  session,
  viewer,
  onChanged,
}: {
  round: RoundSummary;
  session: Session;
  viewer: SessionViewer;
  onChanged: () => void;
}) {
  const messages = useMessages();
  const { text, formatMessage, errorText } = messages;
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const titleId = `round-${round.id}-title`;

  const run = async (work: () => Promise<unknown>, success: string) => {
    setSaving(true);
    setNotice(undefined);
    try {
      await work();
      setEditing(false);
      setNotice({ intent: "success", message: success });
      onChanged();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setSaving(false);
    }
  };
  const submit = (input: SignUpInput) =>
    void run(() => session.api.signUp(round.id, input), formatMessage("roundSaved", { name: round.name }));

  return (
    <Card aria-labelledby={titleId} role="region" data-testid="open-round" data-round-id={round.id}>
      <Subtitle1 as="h3" id={titleId} style={{ margin: 0 }}>
        {round.name}
      </Subtitle1>
      {round.topic && <Text>{round.topic}</Text>}
      <Text>{formatMessage("roundClosesOn", { date: localDateText(round.closesOn, viewer.locale) })}</Text>
      <Text>{formatMessage("roundStartsOn", { date: localDateText(round.startsOn, viewer.locale) })}</Text>
      {!editing && (
        <>
          <Text weight="semibold">{formatMessage("roundSlotsHeading", { timeZone: viewer.timeZone })}</Text>
          <ul style={{ margin: 0, paddingInlineStart: 20, display: "grid", gap: 4 }}>
            {slotsInDateOrder(round).map((slot) => (
              <li key={slot.id} data-testid="round-slot">
                {slotText(messages, round, slot, viewer)}
                <Text size={200} block>
                  {slotHomeText(messages, slot, viewer.locale)}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {notice && <Notice {...notice} />}
      {editing ? (
        <Suspense fallback={<Spinner size="small" label={text.loading} />}>
          <SignUpForm
            round={round}
            initial={round.mySignUp}
            viewer={viewer}
            saving={saving}
            onSubmit={submit}
            onCancel={() => setEditing(false)}
          />
        </Suspense>
      ) : round.mySignUp ? (
        <MessageBar intent="success" layout="multiline" data-testid="signed-up">
          <MessageBarBody>
            <MessageBarTitle>{text.roundSignedUp}</MessageBarTitle>
            {formatMessage("roundSignedUpTimes", { times: chosenTimes(messages, round, round.mySignUp, viewer) })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!editing && (
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          {round.mySignUp ? (
            <>
              <Button onClick={() => setEditing(true)}>{text.roundChange}</Button>
              <Button
                disabled={saving}
                onClick={() => void run(() => session.api.withdrawSignUp(round.id), formatMessage("roundWithdrawn", { name: round.name }))}
              >
                {text.roundWithdraw}
              </Button>
            </>
          ) : (
            <Button appearance="primary" onClick={() => setEditing(true)}>
              {text.roundSignUp}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

function chosenTimes(messages: Messages, round: RoundSummary, signUp: SignUpInput, viewer: SessionViewer): string {
  return slotsInDateOrder(round)
    .filter((slot) => signUp.windows.includes(slot.id))
    .map((slot) => slotText(messages, round, slot, viewer))
    .join("; ");
}
