import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, Title3, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useState } from "react";
import { clockReading } from "../../../shared/huddles/huddle-clock.js";
import { mayStartNewHuddle } from "../../../shared/huddles/huddle-lifecycle.js";
import type { HuddleViewResponse as HuddleState, MeResponse as Me } from "../../../shared/api/index.js";
import { stepInViewerLanguage } from "../i18n/shipped-templates.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { useNow } from "../use-now.js";
import { Countdown } from "./countdown.js";
import { HuddleControls } from "./huddle-controls.js";
import { VISUALLY_HIDDEN } from "./huddle-format.js";
import { StageProgress } from "./stage-progress.js";
import { PulseButtons } from "./pulse-buttons.js";
import { roundAnnouncement, SpeakingRound } from "./speaking-round.js";
import { TemplatePicker } from "./template-picker.js";
import { takePrefetched } from "./huddle-prefetch.js";
import { useHuddle } from "./use-huddle.js";
import { useTemplateList } from "./use-template-list.js";
import { WhoIsHere } from "./who-is-here.js";

// The summary (and its chart) is needed only once a huddle ends: it stays out of the panel's first download.
const HuddleSummary = lazy(() => import("./huddle-summary.js").then((module) => ({ default: module.HuddleSummary })));
const NextHuddle = lazy(() => import("./huddle-summary.js").then((module) => ({ default: module.NextHuddle })));

// The sound switch (Fluent's Switch) matters only while a huddle runs: loaded then, not with an empty panel.
const SoundToggle = lazy(() => import("./sound-toggle.js").then((module) => ({ default: module.SoundToggle })));

/** The side panel (controls for the facilitator) and the stage (large, no controls) share this view. */
export function HuddleView({ session, meetingId, surface }: { session: Session; meetingId: string; surface: "panel" | "stage" }) {
  const { text, formatMessage, language } = useMessages();
  const [me] = useLoad(useCallback(() => takePrefetched(session.api, meetingId, "me") ?? session.api.me(), [session, meetingId]));
  const { view, viewerKey, viewerIsOrganizer, connection, offsetMs, accept } = useHuddle(session.api, meetingId);
  const [notice, setNotice] = useState<string>();
  // Which pulse this panel answered: per session instance, so the meeting's next huddle asks again.
  const [answered, setAnswered] = useState<string>();
  const { templates } = useTemplateList(session);
  // The template chosen when the tab was added to the meeting comes back in the content URL.
  const [chosenTemplateId, setTemplateId] = useState(() => new URLSearchParams(location.search).get("template") ?? undefined);
  const templateId = templates.find((template) => template.id === chosenTemplateId)?.id ?? templates[0]?.id;
  // A few times a second, so the countdown moves; the numbers come from server timestamps.
  const clientNow = useNow(200);

  if (view === undefined || me.status === "loading") return <Spinner label={text.loading} />;
  const identity: Me | undefined = me.status === "ready" ? me.data : undefined;
  const canCreate = Boolean(identity && (identity.roles.includes("facilitator") || identity.roles.includes("admin")));
  const locale = session.context.locale ?? language;
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
  const create = (id: string) => void act(() => session.api.createHuddle(meetingId, id));

  if (view === null) {
    if (!canCreate || surface === "stage")
      return <Text data-testid="huddle-empty">{surface === "stage" ? text.stageEmpty : text.huddleNotFacilitator}</Text>;
    return (
      <div style={{ display: "grid", gap: 8 }}>
        <TemplatePicker templates={templates} templateId={templateId} onChange={setTemplateId} />
        <Button appearance="primary" disabled={!templateId} onClick={() => templateId && create(templateId)}>
          {text.huddleCreate}
        </Button>
        <WhoIsHere api={session.api} meetingId={meetingId} version={undefined} />
      </div>
    );
  }

  const { clock, pulse, templateId: runningTemplateId, instance } = view.session;
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
  const stage = surface === "stage";

  if (clock.phase === "ended")
    return (
      <Suspense fallback={<Spinner label={text.loading} />}>
        <HuddleSummary
          view={view}
          stepTitles={new Map(steps.map((item) => [item.id, item.title]))}
          locale={locale}
          talkPrivately={talkPrivately}
          stage={stage}
          postSummary={
            isFacilitator
              ? () => session.api.postHuddleSummary(meetingId, locale).then(async () => accept(await session.api.huddle(meetingId)))
              : undefined
          }
          {...(canCreate && !stage ? { newHuddle: { templates, initialTemplateId: runningTemplateId, create } } : {})}
        />
      </Suspense>
    );

  const stepOf = { current: String(clock.stepIndex + 1), total: String(steps.length) };
  const pulseKey = pulse && `${instance}:${pulse.stepId}`;
  return (
    <div
      style={{ display: "grid", gap: stage ? 24 : 10, textAlign: stage ? "center" : "start", justifyItems: stage ? "center" : "stretch" }}
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
      <div aria-live="polite" style={VISUALLY_HIDDEN}>
        {formatMessage("huddleStepNow", { title: step.title })}
      </div>
      {/* Always in the page, so a turn that comes round is announced, not only shown. */}
      <div aria-live="polite" style={VISUALLY_HIDDEN} data-testid="round-announcement">
        {roundAnnouncement(reading.speaker, clock.speakers, view.session.speakerNames, viewerKey, surface, text, formatMessage)}
      </div>
      <Text size={stage ? 400 : 200}>{formatMessage("huddleStepOf", stepOf)}</Text>
      {stage && <StageProgress current={clock.stepIndex + 1} total={steps.length} label={formatMessage("huddleStageProgress", stepOf)} />}
      <Title3 as="h2" data-testid="step-title" style={stage ? { fontSize: 40, lineHeight: 1.2 } : undefined}>
        {step.title}
      </Title3>
      <Text data-testid="step-prompt" size={stage ? 600 : 400} style={{ overflowWrap: "anywhere" }}>
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
        <SpeakingRound
          speaker={reading.speaker}
          speakers={clock.speakers}
          names={view.session.speakerNames}
          viewerKey={viewerKey}
          surface={surface}
        />
      )}
      {pulse && !stage && (
        <PulseButtons
          answers={pulse.answers}
          answered={answered === pulseKey}
          onAnswer={(level) =>
            void act(async () => {
              const next = await session.api.answerPulse(meetingId, level);
              setAnswered(pulseKey);
              return next;
            })
          }
        />
      )}
      {!pulse && lastPulse && (
        <Text data-testid="pulse-distribution" size={stage ? 500 : 300}>
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
      {!stage && canCreate && mayStartNewHuddle({ clock, changedAt: view.session.changedAt }, now) && (
        // Yesterday's stand-up, left running in a recurring meeting (same meeting id), must not block today's.
        <div style={{ display: "grid", gap: 8 }} data-testid="huddle-abandoned">
          <Text>{text.huddleAbandoned}</Text>
          <Suspense fallback={<Spinner size="tiny" />}>
            <NextHuddle templates={templates} initialTemplateId={runningTemplateId} create={create} />
          </Suspense>
        </div>
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
      {!stage && !isFacilitator && viewerIsOrganizer && (
        // Teams told the server this person organised the meeting; the server asks again on click.
        <Button
          size="small"
          appearance="subtle"
          onClick={() => void act(() => session.api.huddleAction(meetingId, { type: "take_over", version: view.version }))}
        >
          {text.huddleTakeOver}
        </Button>
      )}
      {!stage && (
        <Suspense fallback={null}>
          <SoundToggle overtime={reading.overtimeMs > 0 && clock.phase === "running"} stepId={step.id} />
        </Suspense>
      )}
      {!stage && (
        <>
          <ol aria-label={text.huddleSteps} style={{ margin: 0, paddingInlineStart: 20 }}>
            {steps.map((item, index) => (
              <li
                key={item.id}
                aria-current={index === clock.stepIndex ? "step" : undefined}
                // Steps done are quieter in a token colour, not by opacity, which took them under AA contrast.
                style={{
                  fontWeight: index === clock.stepIndex ? 600 : 400,
                  color: index < clock.stepIndex ? tokens.colorNeutralForeground3 : undefined,
                }}
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
