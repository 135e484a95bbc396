import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, Title3 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { clockReading, huddleSummary } from "../../../shared/huddles/huddle-clock.js";
import type { HuddleViewResponse as HuddleState, MeResponse as Me } from "../../../shared/api/index.js";
import { stepInViewerLanguage } from "../i18n/shipped-templates.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { useNow } from "../use-now.js";
import { Countdown } from "./countdown.js";
import { HuddleControls } from "./huddle-controls.js";
import { SoundToggle } from "./sound-toggle.js";
import { TemplatePicker } from "./template-picker.js";
import { takePrefetched } from "./huddle-prefetch.js";
import { useHuddle } from "./use-huddle.js";
import { useTemplateList } from "./use-template-list.js";
import { WhoIsHere } from "./who-is-here.js";

function speakerClock(speaker: { remainingMs: number; overtimeMs: number }): string {
  const seconds = Math.ceil((speaker.overtimeMs || speaker.remainingMs) / 1000);
  return `${speaker.overtimeMs ? "+" : ""}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The side panel (controls for the facilitator) and the stage (large, no controls) share this view. */
export function HuddleView({ session, meetingId, surface }: { session: Session; meetingId: string; surface: "panel" | "stage" }) {
  const { text, formatMessage, language } = useMessages();
  const [me] = useLoad(useCallback(() => takePrefetched(session.api, meetingId, "me") ?? session.api.me(), [session, meetingId]));
  const { view, viewerKey, connection, offsetMs, accept } = useHuddle(session.api, meetingId);
  const [notice, setNotice] = useState<string>();
  const [answered, setAnswered] = useState<string>();
  const { templates } = useTemplateList(session);
  // The template chosen when the tab was added to the meeting comes back in the content URL.
  const [chosenTemplateId, setTemplateId] = useState(() => new URLSearchParams(location.search).get("template") ?? undefined);
  const templateId = templates.find((template) => template.id === chosenTemplateId)?.id ?? templates[0]?.id;
  // A few times a second, so the countdown moves; the numbers come from server timestamps.
  const clientNow = useNow(200);

  if (view === undefined || me.status === "loading") return <Spinner label={text.loading} />;
  const identity: Me | undefined = me.status === "ready" ? me.data : undefined;
  const act = async (run: () => Promise<unknown>) => {
    setNotice(undefined);
    try {
      const next = await run();
      if (next && typeof next === "object" && "version" in next) accept(next as HuddleState);
    } catch (error) {
      setNotice((error as { status?: number }).status === 409 ? text.huddleChanged : (error as Error).message);
      accept(await session.api.huddle(meetingId).catch(() => null));
    }
  };

  if (view === null) {
    const canCreate = identity && (identity.roles.includes("facilitator") || identity.roles.includes("admin"));
    if (!canCreate || surface === "stage")
      return <Text data-testid="huddle-empty">{surface === "stage" ? text.stageEmpty : text.huddleNotFacilitator}</Text>;
    return (
      <div style={{ display: "grid", gap: 8 }}>
        <TemplatePicker templates={templates} templateId={templateId} onChange={setTemplateId} />
        <Button
          appearance="primary"
          disabled={!templateId}
          onClick={() => templateId && void act(() => session.api.createHuddle(meetingId, templateId))}
        >
          {text.huddleCreate}
        </Button>
        <WhoIsHere api={session.api} meetingId={meetingId} version={undefined} />
      </div>
    );
  }

  const { clock, pulse, templateId: runningTemplateId } = view.session;
  // A huddle made from a built-in template runs its shipped English steps; they read in the viewer's language.
  const steps = view.session.steps.map((item) => stepInViewerLanguage(runningTemplateId, item, language));
  const now = clientNow + offsetMs;
  const reading = clockReading(clock, now);
  const step = steps[clock.stepIndex]!;
  const isFacilitator = viewerKey !== undefined && viewerKey === clock.facilitatorId && surface === "panel";
  const lastPulse = view.session.closedPulses.at(-1);
  const templateStep = templates.find((template) => template.id === runningTemplateId)?.steps.find((item) => item.id === step.id);
  const facilitatorNotes = templateStep && stepInViewerLanguage(runningTemplateId, templateStep, language).facilitatorNotes;
  const talkPrivately = identity?.botId ? `https://teams.microsoft.com/l/chat/0/0?users=28:${identity.botId}` : "/personal/requests";

  if (clock.phase === "ended") {
    const summary = huddleSummary(clock);
    return (
      <div style={{ display: "grid", gap: 8 }} data-testid="huddle-ended">
        <Text>{text.huddleEnded}</Text>
        <Text>
          {formatMessage("huddleSummary", { steps: String(summary.steps.length), minutes: String(Math.round(summary.totalSeconds / 60)) })}
        </Text>
        <Link href={talkPrivately} target="_blank">
          {text.huddleTalkPrivately}
        </Link>
      </div>
    );
  }

  return (
    <div
      style={{
        display: "grid",
        gap: surface === "stage" ? 24 : 10,
        textAlign: surface === "stage" ? "center" : "start",
        justifyItems: surface === "stage" ? "center" : "stretch",
      }}
      data-testid="huddle"
      data-step={step.id}
      data-phase={clock.phase}
    >
      {connection === "reconnecting" && (
        <MessageBar intent="warning">
          <MessageBarBody>{text.huddleReconnecting}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div
        aria-live="polite"
        className="visually-hidden"
        style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}
      >
        {formatMessage("huddleStepNow", { title: step.title })}
      </div>
      <Text size={200}>{formatMessage("huddleStepOf", { current: String(clock.stepIndex + 1), total: String(steps.length) })}</Text>
      <Title3 as="h2" data-testid="step-title" style={surface === "stage" ? { fontSize: 40, lineHeight: 1.2 } : undefined}>
        {step.title}
      </Title3>
      <Text data-testid="step-prompt" size={surface === "stage" ? 600 : 400}>
        {step.prompt}
      </Text>
      {isFacilitator && facilitatorNotes && (
        <Text italic data-testid="facilitator-notes">
          {formatMessage("huddleFacilitatorNotes", { notes: facilitatorNotes })}
        </Text>
      )}
      {clock.phase === "ready" ? (
        <Text>{text.huddleReady}</Text>
      ) : (
        <Countdown remainingMs={reading.remainingMs} overtimeMs={reading.overtimeMs} size={surface} />
      )}
      {clock.phase === "paused" && <Text weight="semibold">{text.huddlePaused}</Text>}
      {reading.speaker && (
        <Text data-testid="speaker" size={surface === "stage" ? 600 : 400}>
          {viewerKey !== undefined && reading.speaker.key === viewerKey
            ? text.huddleYourTurn
            : formatMessage("huddleSpeaker", { position: String(reading.speaker.position), total: String(reading.speaker.of) })}
          {" · "}
          {formatMessage("huddleSpeakerTime", { time: speakerClock(reading.speaker) })}
          {" · "}
          {text.huddlePassingFine}
        </Text>
      )}
      {pulse && surface === "panel" && (
        <div style={{ display: "grid", gap: 6 }}>
          <Text weight="semibold">{text.huddlePulseAsk}</Text>
          <div role="group" aria-label={text.huddlePulseAsk} style={{ display: "flex", gap: 6 }}>
            {[1, 2, 3, 4, 5].map((level) => (
              <Button
                key={level}
                size="small"
                disabled={answered === pulse.stepId}
                aria-label={formatMessage("huddlePulseLevel", { level: String(level) })}
                onClick={() =>
                  void act(async () => {
                    const next = await session.api.answerPulse(meetingId, level);
                    setAnswered(pulse.stepId);
                    return next;
                  })
                }
              >
                {level}
              </Button>
            ))}
          </div>
          {answered === pulse.stepId && <Text>{text.huddlePulseThanks}</Text>}
          <Text>{formatMessage("huddlePulseWaiting", { count: String(pulse.answers) })}</Text>
        </div>
      )}
      {!pulse && lastPulse && (
        <Text data-testid="pulse-distribution" size={surface === "stage" ? 500 : 300}>
          {"counts" in lastPulse
            ? formatMessage("huddlePulseResult", {
                spread: Object.entries(lastPulse.counts)
                  .map(([level, count]) => `${level}: ${count}`)
                  .join(" · "),
              })
            : text.huddlePulseWithheld}
        </Text>
      )}
      {isFacilitator && (
        <HuddleControls
          clock={clock}
          hasRound={Boolean(step.round)}
          onAction={(type) => void act(() => session.api.huddleAction(meetingId, { type, version: view.version }))}
        />
      )}
      {isFacilitator && <WhoIsHere api={session.api} meetingId={meetingId} version={view.version} />}
      {isFacilitator && session.shareToStage && (
        <Button
          size="small"
          onClick={() =>
            void session.shareToStage!(new URL(`/meeting/stage?template=${view.session.templateId}`, location.origin).toString()).catch(
              (error: Error) => setNotice(error.message),
            )
          }
        >
          {text.huddleShareToStage}
        </Button>
      )}
      {surface === "panel" && !isFacilitator && identity && (
        // Teams decides whether this person organised the meeting; the server asks it on click.
        <Button
          size="small"
          appearance="subtle"
          onClick={() => void act(() => session.api.huddleAction(meetingId, { type: "take_over", version: view.version }))}
        >
          {text.huddleTakeOver}
        </Button>
      )}
      {surface === "panel" && <SoundToggle overtime={reading.overtimeMs > 0 && clock.phase === "running"} stepId={step.id} />}
      {surface === "panel" && (
        <>
          <ol aria-label={text.huddleSteps} style={{ margin: 0, paddingInlineStart: 20 }}>
            {steps.map((item, index) => (
              <li
                key={item.id}
                aria-current={index === clock.stepIndex ? "step" : undefined}
                style={{ fontWeight: index === clock.stepIndex ? 600 : 400, opacity: index < clock.stepIndex ? 0.6 : 1 }}
              >
                {item.title}
              </li>
            ))}
          </ol>
          <Link href={talkPrivately} target="_blank">
            {text.huddleTalkPrivately}
          </Link>
        </>
      )}
    </div>
  );
}
