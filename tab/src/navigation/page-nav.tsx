import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";
import type { RouteName } from "../routes.js";
import { isPersonalTab, isToolRoute, PERSONAL_TABS } from "./nav-routes.js";

const useStyles = makeStyles({
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { display: "inline-block", paddingBottom: tokens.spacingVerticalXS },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
});

/**
 * Where a personal page sits. Outside Teams nothing draws the app's tabs, so the browser gets the
 * same three Teams shows; a page reached from Home (not a tab) gets its way back there.
 */
export function PageNav({ route, inTeams }: { route: RouteName; inTeams: boolean }) {
  const { text } = useMessages();
  const styles = useStyles();
  const tabs = !inTeams && (isPersonalTab(route) || isToolRoute(route));
  return (
    <>
      {tabs && (
        <nav aria-label={text.navTabs} data-testid="page-tabs">
          <ul className={styles.tabs}>
            {PERSONAL_TABS.map((tab) => (
              <li key={tab.route}>
                <Link
                  href={tab.path}
                  className={tab.route === route ? `${styles.tab} ${styles.current}` : styles.tab}
                  {...(tab.route === route ? { "aria-current": "page" as const } : {})}
                >
                  {text[tab.label]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {isToolRoute(route) && (
        <Link href="/personal/home" data-testid="back-home">
          {text.navBackHome}
        </Link>
      )}
    </>
  );
}
