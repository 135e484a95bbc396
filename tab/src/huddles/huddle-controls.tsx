import { Button } from "@fluentui/react-components";
import type { HuddleClockState } from "../../../shared/huddles/huddle-clock.js";
import { useMessages } from "../i18n/use-messages.js";

/** The facilitator's buttons; only the ones the clock would accept now are offered. */
export function HuddleControls({
  clock,
  hasRound,
  onAction,
}: {
  clock: HuddleClockState;
  hasRound: boolean;
  onAction: (type: string) => void;
}) {
  const { text } = useMessages();
  const live = clock.phase === "running" || clock.phase === "paused";
  const buttons: [string, string, boolean][] = [
    ["start", text.huddleStart, clock.phase === "ready"],
    ["pause", text.huddlePause, clock.phase === "running"],
    ["resume", text.huddleResume, clock.phase === "paused"],
    ["previous", text.huddlePrevious, live && clock.stepIndex > 0],
    ["next", text.huddleNext, live && clock.stepIndex < clock.steps.length - 1],
    ["extend", text.huddleExtend, live],
    ["next_speaker", text.huddleNextSpeaker, clock.phase === "running" && hasRound && clock.speakerIndex < clock.speakers.length - 1],
    ["skip_speaker", text.huddlePass, clock.phase === "running" && hasRound && clock.speakerIndex < clock.speakers.length - 1],
    ["end", text.huddleEnd, clock.phase !== "ended"],
  ];
  return (
    <div role="toolbar" aria-label={text.sidePanelTitle} style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
      {buttons
        .filter(([, , shown]) => shown)
        .map(([type, label]) => (
          <Button
            key={type}
            size="small"
            appearance={type === "next" || type === "start" ? "primary" : "secondary"}
            onClick={() => onAction(type)}
          >
            {label}
          </Button>
        ))}
    </div>
  );
}
