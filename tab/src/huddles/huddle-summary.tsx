import { Button, Link, Text, Title3 } from "@fluentui/react-components";
import { useState } from "react";
import { huddleSummary } from "../../../shared/huddles/huddle-clock.js";
import { pulseAnswerCount } from "../../../shared/huddles/pulse.js";
import type { HuddleTemplate } from "../../../shared/huddles/templates.js";
import type { HuddleViewResponse } from "../../../shared/api/index.js";
import { useMessages } from "../i18n/use-messages.js";
import { spokenDuration, timeOfDay } from "./huddle-format.js";
import { TemplatePicker } from "./template-picker.js";

// Loaded lazily with this module (huddle-view.tsx), only once a huddle has ended.
import PulseChart from "./pulse-chart.js";

/**
 * After a huddle (flow B.6): the steps done and the time used, each closed pulse's distribution
 * (or that it was withheld), "talk privately", and for a facilitator the meeting's next huddle.
 * Nothing anyone said: there is nothing of it to show.
 */
export function HuddleSummary({
  view,
  stepTitles,
  locale,
  talkPrivately,
  newHuddle,
  postSummary,
  stage = false,
}: {
  view: HuddleViewResponse;
  /** For the facilitator: has the server post this summary to the meeting chat (once). */
  postSummary?: (() => Promise<unknown>) | undefined;
  /** The stage centres everything, its one alignment. */
  stage?: boolean;
  stepTitles: ReadonlyMap<string, string>;
  locale: string;
  talkPrivately: string | undefined;
  /** Offered to facilitators and admins in the side panel; starts the meeting's next huddle. */
  newHuddle?: { templates: readonly HuddleTemplate[]; initialTemplateId: string | undefined; create: (templateId: string) => void };
}) {
  const { text, formatMessage } = useMessages();
  const { clock, closedPulses } = view.session;
  const summary = huddleSummary(clock);
  const titleOf = (stepId: string) => stepTitles.get(stepId) ?? stepId;
  return (
    <section
      aria-labelledby="huddle-summary-title"
      style={{ display: "grid", gap: 10, justifyItems: stage ? "center" : "stretch" }}
      data-testid="huddle-ended"
    >
      <Title3 as="h2" id="huddle-summary-title">
        {text.huddleSummaryTitle}
      </Title3>
      <Text>{text.huddleEnded}</Text>
      <Text data-testid="summary-total">
        {formatMessage("huddleSummary", { steps: String(summary.steps.length), time: spokenDuration(summary.totalSeconds, locale) })}
        {clock.endedAt !== undefined && ` ${formatMessage("huddleSummaryEndedAt", { time: timeOfDay(clock.endedAt, locale) })}`}
      </Text>
      {summary.steps.length ? (
        <ol
          aria-label={text.huddleSummaryStepsDone}
          style={{ margin: 0, paddingInlineStart: stage ? 0 : 20, listStylePosition: stage ? "inside" : "outside" }}
          data-testid="summary-steps"
        >
          {summary.steps.map((step) => (
            <li key={step.stepId}>
              {formatMessage("huddleSummaryStepTime", { title: titleOf(step.stepId), time: spokenDuration(step.usedSeconds, locale) })}
            </li>
          ))}
        </ol>
      ) : (
        <Text>{text.huddleSummaryNoSteps}</Text>
      )}
      {closedPulses.map((pulse, index) =>
        "counts" in pulse ? (
          <PulseChart
            key={`${pulse.stepId}-${index}`}
            counts={pulse.counts}
            caption={formatMessage("huddlePulseChartTitle", { title: titleOf(pulse.stepId), count: String(pulseAnswerCount(pulse)) })}
          />
        ) : (
          <Text key={`${pulse.stepId}-${index}`} data-testid="pulse-withheld">
            {formatMessage("huddlePulseChartWithheld", { title: titleOf(pulse.stepId) })}
          </Text>
        ),
      )}
      {postSummary && <PostToChat posted={view.session.summaryPosted === true} post={postSummary} />}
      {newHuddle && <NextHuddle {...newHuddle} />}
      {talkPrivately && (
        <Link href={talkPrivately} target="_blank">
          {text.huddleTalkPrivately}
        </Link>
      )}
    </section>
  );
}

/** Posted once: after that the panel says where it is instead of offering it again. */
function PostToChat({ posted, post }: { posted: boolean; post: () => Promise<unknown> }) {
  const { text } = useMessages();
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  return (
    <div style={{ display: "grid", gap: 6, justifyItems: "start" }}>
      {!posted && (
        <Button
          disabled={state.busy === true}
          onClick={() => {
            setState({ busy: true });
            post().then(
              () => setState({}),
              (error: Error) => setState({ error: error.message }),
            );
          }}
        >
          {text.huddlePostSummary}
        </Button>
      )}
      {state.error && (
        <Text role="alert" data-testid="summary-post-error">
          {state.error}
        </Text>
      )}
      {/* In the page from the start, so the confirmation is announced when it lands. */}
      <Text role="status" data-testid="summary-posted">
        {posted ? text.huddleSummaryPosted : ""}
      </Text>
    </div>
  );
}

/** The meeting's next huddle: a template and "Start a new huddle". Also offered over an abandoned one. */
export function NextHuddle({
  templates,
  initialTemplateId,
  create,
}: {
  templates: readonly HuddleTemplate[];
  initialTemplateId: string | undefined;
  create: (templateId: string) => void;
}) {
  const { text } = useMessages();
  const [chosen, setChosen] = useState(initialTemplateId);
  const templateId = templates.find((template) => template.id === chosen)?.id ?? templates[0]?.id;
  return (
    <div style={{ display: "grid", gap: 8 }} data-testid="next-huddle">
      <TemplatePicker templates={templates} templateId={templateId} onChange={setChosen} />
      <Button appearance="primary" disabled={!templateId} onClick={() => templateId && create(templateId)}>
        {text.huddleStartNew}
      </Button>
    </div>
  );
}
