import { makeStyles, tokens } from "@fluentui/react-components";
import { PULSE_LEVELS, type PulseLevel } from "../../../shared/huddles/pulse.js";
import { useMessages } from "../i18n/use-messages.js";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", maxWidth: "360px" },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
  cell: { padding: "2px 6px", textAlign: "start", fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap" },
  barCell: { width: "100%", padding: "2px 6px" },
  // A border as well as a fill, so the bar stays visible in the high-contrast theme.
  bar: {
    height: "12px",
    backgroundColor: tokens.colorBrandBackground,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: "border-box",
  },
});

/**
 * A closed pulse's distribution as a small bar chart that is itself a table: a screen reader reads
 * level and answers row by row, and the bars are only their picture. It draws exactly the counts
 * the server sent (it sends none for a pulse under three answers). Loaded lazily, after a huddle.
 */
export default function PulseChart({ counts, caption }: { counts: Record<PulseLevel, number>; caption: string }) {
  const { text } = useMessages();
  const styles = useStyles();
  const most = Math.max(1, ...PULSE_LEVELS.map((level) => counts[level]));
  return (
    <table className={styles.table} data-testid="pulse-chart">
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            {text.huddlePulseChartLevel}
          </th>
          <th scope="col" className={styles.cell}>
            {text.huddlePulseChartAnswers}
          </th>
          <td aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {PULSE_LEVELS.map((level) => (
          <tr key={level} data-level={level}>
            <th scope="row" className={styles.cell}>
              {level}
            </th>
            <td className={styles.cell} data-testid="pulse-count">
              {counts[level]}
            </td>
            <td className={styles.barCell} aria-hidden="true">
              {counts[level] > 0 && <div className={styles.bar} style={{ width: `${(100 * counts[level]) / most}%` }} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
