import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from "@fluentui/react-components";
import { byCountry, countryOfLocale, crisisResourcesOrDefaults } from "../../../shared/resources/crisis-lines.js";
import { useMessages } from "../i18n/use-messages.js";
import { contactActionLabel, contactHref } from "../resources/resource-format.js";

/** Where every surface's "See all crisis lines" goes: the top of Resources. */
export const CRISIS_LINES_PATH = "/personal/resources#emergency";
// The brand link colour is too faint on the warning background in the dark theme; underlined text colour reads in all three.
const LINK_STYLE = { color: tokens.colorNeutralForeground1, textDecoration: "underline" } as const;

/**
 * Always on screen, on every route (tab, side panel, stage): Peer Circles is not an emergency service,
 * and says so. The crisis line for the person's country is shown right here, from the shipped
 * defaults so it costs no request and works offline; every line, the tenant's own included, is one
 * click away on Resources.
 */
export function EmergencyBlock({ locale }: { locale?: string }) {
  const { text } = useMessages();
  return (
    <aside aria-label={text.emergencyTitle} data-testid="emergency-block">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.emergencyTitle}</MessageBarTitle>
          {text.emergencyBody}
          <TopCrisisLine locale={locale} testId="emergency-top-line" />
          <SeeAllCrisisLines testId="see-crisis-lines" />
        </MessageBarBody>
      </MessageBar>
    </aside>
  );
}

/**
 * The stage's form of the block: one centred line under the huddle, read across a room without
 * taking it over. The same shipped, offline crisis line and the same one click to every line.
 */
export function EmergencyLink({ locale }: { locale?: string }) {
  const { text } = useMessages();
  return (
    <aside
      aria-label={text.emergencyTitle}
      data-testid="emergency-link"
      style={{ display: "flex", flexWrap: "wrap", justifyContent: "center", alignItems: "baseline", columnGap: 12, textAlign: "center" }}
    >
      <Text as="p" block weight="semibold" style={{ margin: "4px 0 0" }}>
        {text.emergencyTitle}
      </Text>
      <TopCrisisLine locale={locale} testId="emergency-top-line" />
      <SeeAllCrisisLines testId="see-crisis-lines" />
    </aside>
  );
}

/** The person's country's first crisis line, from the shipped defaults: no request, works offline. */
export function TopCrisisLine({ locale, testId }: { locale?: string | undefined; testId?: string }) {
  const messages = useMessages();
  const { formatMessage } = messages;
  const top = byCountry(countryOfLocale(locale), crisisResourcesOrDefaults([]))[0];
  const contact = top?.contacts.find((candidate) => candidate.kind === "phone") ?? top?.contacts[0];
  if (!top || !contact) return null;
  return (
    <Text as="p" block style={{ margin: "4px 0 0" }} data-testid={testId}>
      {formatMessage("emergencyTopLine", { name: top.title })}{" "}
      <Link href={contactHref(contact)} inline style={LINK_STYLE}>
        {contactActionLabel(messages, contact)}
      </Link>
    </Text>
  );
}

export function SeeAllCrisisLines({ testId }: { testId?: string }) {
  const { text } = useMessages();
  return (
    <Text as="p" block style={{ margin: "4px 0 0" }}>
      <Link href={CRISIS_LINES_PATH} inline style={LINK_STYLE} data-testid={testId}>
        {text.emergencySeeLines}
      </Link>
    </Text>
  );
}
