import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Messages, TabCatalogue } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import { clockFace } from "./huddle-format.js";

export interface RoundReading {
  key: string;
  position: number;
  of: number;
  remainingMs: number;
  overtimeMs: number;
}

const useStyles = makeStyles({
  yourTurn: {
    display: "grid",
    gap: "2px",
    padding: "8px 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `2px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

type Format = Messages["formatMessage"];

/** Who is speaking, by the name Teams gives, or their place in the round when it gives none. */
function nameOf(names: Record<string, string> | undefined, speakers: readonly string[], index: number, format: Format): string {
  return names?.[speakers[index] ?? ""] ?? format("huddleSpeakerUnnamed", { position: String(index + 1) });
}

/**
 * What the round's live region says: "your turn" to the person whose turn it is, else who speaks.
 * Never "your turn" on the stage, which the whole room reads.
 */
export function roundAnnouncement(
  speaker: RoundReading | undefined,
  speakers: readonly string[],
  names: Record<string, string> | undefined,
  viewerKey: string | undefined,
  surface: "panel" | "stage",
  text: TabCatalogue,
  format: Format,
): string {
  if (!speaker) return "";
  if (surface === "panel" && viewerKey !== undefined && speaker.key === viewerKey) return text.huddleAnnounceYourTurn;
  return format("huddleAnnounceSpeaker", { name: nameOf(names, speakers, speaker.position - 1, format) });
}

/** The speaking round: who speaks now and who is next, by name, and "your turn" for the one speaking. */
export function SpeakingRound({
  speaker,
  speakers,
  names,
  viewerKey,
  surface,
}: {
  speaker: RoundReading;
  speakers: readonly string[];
  names: Record<string, string> | undefined;
  viewerKey: string | undefined;
  surface: "panel" | "stage";
}) {
  const { text, formatMessage } = useMessages();
  const styles = useStyles();
  const index = speaker.position - 1;
  const mine = surface === "panel" && viewerKey !== undefined && speaker.key === viewerKey;
  const nextIsMine = surface === "panel" && viewerKey !== undefined && speakers[index + 1] === viewerKey;
  const size = surface === "stage" ? 600 : 400;
  const detail = [
    formatMessage("huddleSpeaker", { position: String(speaker.position), total: String(speaker.of) }),
    formatMessage("huddleSpeakerTime", { time: clockFace(speaker.remainingMs, speaker.overtimeMs) }),
    text.huddlePassingFine,
  ].join(" · ");
  const next =
    index + 1 >= speakers.length
      ? text.huddleRoundDone
      : nextIsMine
        ? text.huddleYouAreNext
        : formatMessage("huddleSpeakingNext", { name: nameOf(names, speakers, index + 1, formatMessage) });
  return (
    <div data-testid="speaker" data-mine={mine} style={{ display: "grid", gap: 4 }}>
      {mine ? (
        <div className={styles.yourTurn} data-testid="your-turn">
          <Text weight="bold" size={500}>
            {text.huddleYourTurn}
          </Text>
        </div>
      ) : (
        <Text data-testid="speaking-now" weight="semibold" size={size}>
          {formatMessage("huddleSpeakingNow", { name: nameOf(names, speakers, index, formatMessage) })}
        </Text>
      )}
      <Text data-testid="speaking-next" size={surface === "stage" ? 500 : 300}>
        {next}
      </Text>
      <Text size={surface === "stage" ? 400 : 200}>{detail}</Text>
    </div>
  );
}
