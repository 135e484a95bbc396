import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { HuddleClockState } from "../../../shared/huddles/huddle-clock.js";
import { useMessages } from "../i18n/use-messages.js";

/**
 * The facilitator's buttons; only the ones the clock would accept now are offered. "End huddle"
 * stands apart from the others and asks first: it ends the huddle for everyone, and cannot be undone.
 */
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
  const [confirming, setConfirming] = useState(false);
  const live = clock.phase === "running" || clock.phase === "paused";
  const roundGoesOn = clock.phase === "running" && hasRound && clock.speakerIndex < clock.speakers.length - 1;
  const buttons: [string, string, boolean][] = [
    ["start", text.huddleStart, clock.phase === "ready"],
    ["pause", text.huddlePause, clock.phase === "running"],
    ["resume", text.huddleResume, clock.phase === "paused"],
    ["next_speaker", text.huddleNextSpeaker, roundGoesOn],
    ["skip_speaker", text.huddlePass, roundGoesOn],
    ["previous", text.huddlePrevious, live && clock.stepIndex > 0],
    ["next", text.huddleNext, live && clock.stepIndex < clock.steps.length - 1],
    ["extend", text.huddleExtend, live],
  ];
  if (clock.phase === "ended") return null;
  return (
    <div style={{ display: "grid", gap: 10 }}>
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
      {confirming ? (
        <div role="group" aria-labelledby="end-confirm-text" style={{ display: "grid", gap: 6 }} data-testid="end-confirm">
          <Text id="end-confirm-text" weight="semibold">
            {text.huddleEndConfirm}
          </Text>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                setConfirming(false);
                onAction("end");
              }}
            >
              {text.huddleEndConfirmYes}
            </Button>
            <Button size="small" onClick={() => setConfirming(false)}>
              {text.huddleEndConfirmNo}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button size="small" appearance="outline" onClick={() => setConfirming(true)}>
            {text.huddleEnd}
          </Button>
        </div>
      )}
    </div>
  );
}
