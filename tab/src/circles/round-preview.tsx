import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { RoundPreview, RoundSummary } from "../../../shared/circles/circle-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { type TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import { slotText } from "./circle-format.js";

/**
 * Why someone was left out, in plain words. Deliberately vague about avoid lists: the admin learns
 * that a preference got in the way, never whose preference or about whom.
 */
const UNPLACED_REASONS: Record<RoundPreview["unplaced"][number]["reason"], TabMessageKey> = {
  "no-shared-window": "programmeUnplaced_noSharedWindow",
  "avoid-conflict": "programmeUnplaced_avoidConflict",
};

/** The circles the grouping proposes, for the admin to check before anyone sees them. */
export function RoundPreviewView({ round, preview, viewer }: { round: RoundSummary; preview: RoundPreview; viewer: SessionViewer }) {
  const messages = useMessages();
  const { text, formatMessage, formatCount } = messages;
  const headingId = `preview-${round.id}-title`;
  return (
    <section aria-labelledby={headingId} data-testid="round-preview" style={{ display: "grid", gap: 12 }}>
      <Text as="h4" weight="semibold" size={400} id={headingId} style={{ margin: 0 }}>
        {formatMessage("programmePreviewTitle", { name: round.name })}
      </Text>
      {preview.sizeNote && (
        <MessageBar intent="info" layout="multiline" data-testid="size-note" data-code={preview.sizeNote.code}>
          <MessageBarBody>{preview.sizeNote.message}</MessageBarBody>
        </MessageBar>
      )}
      {preview.circles.length === 0 && <Text>{text.programmePreviewEmpty}</Text>}
      <ol style={{ margin: 0, paddingInlineStart: 20, display: "grid", gap: 12 }}>
        {preview.circles.map((circle, index) => {
          const slot = round.slots.find((candidate) => candidate.id === circle.slotId);
          return (
            <li key={index} data-testid="proposed-circle" data-slot-id={circle.slotId ?? ""} data-size={circle.members.length}>
              <Text weight="semibold">
                {formatMessage("programmeProposedCircle", { number: String(index + 1) })} ·{" "}
                {formatMessage("programmeProposedSize", { count: String(circle.members.length) })}
              </Text>
              <Text block>
                {slot
                  ? formatMessage("programmeProposedSlot", { when: slotText(messages, round, slot, viewer) })
                  : text.programmeProposedNoSlot}
              </Text>
              {circle.repeatPairs > 0 && (
                <Text block size={200}>
                  {formatCount("programmeProposedRepeats", circle.repeatPairs)}
                </Text>
              )}
              <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
                {circle.members.map((member) => (
                  <li key={member.userId} data-testid="proposed-member" data-user-id={member.userId}>
                    {member.displayName}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {preview.unplaced.length > 0 && (
        <>
          <Text weight="semibold" id={`${headingId}-unplaced`}>
            {text.programmeUnplacedTitle}
          </Text>
          <ul aria-labelledby={`${headingId}-unplaced`} style={{ margin: 0, paddingInlineStart: 20 }}>
            {preview.unplaced.map((person) => (
              <li key={person.userId} data-testid="unplaced-person" data-user-id={person.userId}>
                {formatMessage("programmeUnplacedPerson", {
                  name: person.displayName,
                  reason: text[UNPLACED_REASONS[person.reason]] ?? person.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <Text data-testid="repeated-pairs">{formatMessage("programmeRepeatedPairs", { count: String(preview.repeatedPairs) })}</Text>
    </section>
  );
}
