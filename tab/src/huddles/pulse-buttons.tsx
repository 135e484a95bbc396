import { Button, makeStyles, Text } from "@fluentui/react-components";
import { PULSE_LEVELS } from "../../../shared/huddles/pulse.js";
import { useMessages } from "../i18n/use-messages.js";

const useStyles = makeStyles({
  // Five equal columns that shrink with the panel: Fluent's 64 px button minimum made five of them
  // 344 px wide, which pushed level 5, the prompt and "End huddle" past a 320 px side panel.
  levels: { display: "grid", gridTemplateColumns: `repeat(${PULSE_LEVELS.length}, minmax(0, 1fr))`, gap: "6px" },
  level: { minWidth: 0, paddingLeft: 0, paddingRight: 0 },
});

/** The anonymous pulse: one tap per person per pulse step, and only how many have answered so far. */
export function PulseButtons({ answers, answered, onAnswer }: { answers: number; answered: boolean; onAnswer: (level: number) => void }) {
  const { text, formatMessage } = useMessages();
  const styles = useStyles();
  return (
    <div style={{ display: "grid", gap: 6 }} data-testid="pulse">
      <Text weight="semibold">{text.huddlePulseAsk}</Text>
      <div role="group" aria-label={text.huddlePulseAsk} className={styles.levels}>
        {PULSE_LEVELS.map((level) => (
          <Button
            key={level}
            className={styles.level}
            disabled={answered}
            aria-label={formatMessage("huddlePulseLevel", { level: String(level) })}
            onClick={() => onAnswer(level)}
          >
            {level}
          </Button>
        ))}
      </div>
      {answered && <Text>{text.huddlePulseThanks}</Text>}
      <Text>{formatMessage("huddlePulseWaiting", { count: String(answers) })}</Text>
    </div>
  );
}
