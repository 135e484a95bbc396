import { Link, makeStyles, Text, Title3, tokens } from "@fluentui/react-components";
import type { Role } from "../../../shared/roles.js";
import { useMessages } from "../i18n/use-messages.js";
import { toolsFor } from "./nav-routes.js";

const useStyles = makeStyles({
  list: {
    display: "grid",
    // Never wider than the screen: at 320 px each tool takes the full width.
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 220px), 1fr))",
    gap: tokens.spacingHorizontalM,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  item: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  link: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** Home's way to everything that is not a tab, for the roles the server says this person has. */
export function HomeTools({ roles }: { roles: readonly Role[] }) {
  const { text } = useMessages();
  const styles = useStyles();
  return (
    <nav aria-labelledby="home-tools-title" data-testid="home-tools" style={{ display: "grid", gap: 8 }}>
      <Title3 as="h2" id="home-tools-title">
        {text.toolsTitle}
      </Title3>
      <ul className={styles.list}>
        {toolsFor(roles).map((tool) => (
          <li key={tool.route} className={styles.item} data-testid={`tool-${tool.route}`}>
            <Link href={tool.path} className={styles.link} aria-describedby={`tool-hint-${tool.route}`}>
              {text[tool.label]}
            </Link>
            <Text id={`tool-hint-${tool.route}`} size={200} className={styles.hint}>
              {text[tool.hint]}
            </Text>
          </li>
        ))}
      </ul>
    </nav>
  );
}
