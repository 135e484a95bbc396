import {
  Badge,
  Button,
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { QueuePage } from "../../../shared/api/index.js";
import { useMessages } from "../i18n/use-messages.js";
import { duration, relativeTime } from "../time-format.js";
import { useNarrow } from "../use-narrow.js";

export type QueueEntry = QueuePage["requests"][number];

const useStyles = makeStyles({
  cards: { display: "grid", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0, minWidth: 0 },
  card: { minWidth: 0 },
  overdueCard: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  overdueRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  heading: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface ListProps {
  requests: readonly QueueEntry[];
  now: number;
  locale: string;
  onClaim: (request: QueueEntry) => void;
  onOpen: (request: QueueEntry) => void;
}

/** The queue's requests: a table where there is room, one card per request on a phone, Claim visible in both. */
export function QueueList(props: ListProps) {
  return useNarrow() ? <QueueCards {...props} /> : <QueueTable {...props} />;
}

/** How long is left to respond, or how late it is; an overdue crisis says so in words, not only in red. */
function useTarget(request: QueueEntry, now: number, locale: string) {
  const { formatMessage, text } = useMessages();
  const left = Date.parse(request.claimBy) - now;
  const overdue = request.status === "open" && left < 0;
  const target =
    request.status !== "open" ? "—" : overdue ? formatMessage("overdue", { time: duration(-left, locale) }) : relativeTime(left, locale);
  return { target, overdue, overdueCrisis: overdue && request.crisis ? text.queueOverdueCrisis : undefined };
}

function UrgencyBadge({ request }: { request: QueueEntry }) {
  const { labelFor } = useMessages();
  return (
    <Badge appearance="filled" color={request.crisis ? "danger" : request.urgency === "today" ? "warning" : "informative"}>
      {labelFor("urgency", request.urgency)}
    </Badge>
  );
}

function RowAction({ request, onClaim, onOpen }: { request: QueueEntry } & Pick<ListProps, "onClaim" | "onOpen">) {
  const { text } = useMessages();
  if (request.status === "open")
    return (
      <Button
        size="small"
        appearance="primary"
        aria-label={`${text.actionClaim} ${request.referenceCode}`}
        onClick={() => onClaim(request)}
      >
        {text.actionClaim}
      </Button>
    );
  if (request.claimedByMe)
    return (
      <Button size="small" aria-label={`${text.actionOpen} ${request.referenceCode}`} onClick={() => onOpen(request)}>
        {text.actionOpen}
      </Button>
    );
  return <Text size={200}>{text.takenByColleague}</Text>;
}

function QueueTable({ requests, now, locale, onClaim, onOpen }: ListProps) {
  const { text } = useMessages();
  return (
    <Table aria-labelledby="queue-title" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{text.columnReference}</TableHeaderCell>
          <TableHeaderCell>{text.columnCategory}</TableHeaderCell>
          <TableHeaderCell>{text.columnUrgency}</TableHeaderCell>
          <TableHeaderCell>{text.columnStatus}</TableHeaderCell>
          <TableHeaderCell>{text.columnWaiting}</TableHeaderCell>
          <TableHeaderCell>{text.columnTarget}</TableHeaderCell>
          <TableHeaderCell>{text.columnActions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((request) => (
          <QueueRow key={request.referenceCode} {...{ request, now, locale, onClaim, onOpen }} />
        ))}
      </TableBody>
    </Table>
  );
}

function QueueRow({ request, now, locale, onClaim, onOpen }: Omit<ListProps, "requests"> & { request: QueueEntry }) {
  const { labelFor } = useMessages();
  const styles = useStyles();
  const { target, overdueCrisis } = useTarget(request, now, locale);
  return (
    <TableRow data-code={request.referenceCode} className={overdueCrisis ? styles.overdueRow : undefined}>
      <TableCell>{request.referenceCode}</TableCell>
      <TableCell>{labelFor("category", request.category)}</TableCell>
      <TableCell>
        <UrgencyBadge request={request} />
      </TableCell>
      <TableCell>{labelFor("status", request.status)}</TableCell>
      <TableCell>{relativeTime(Date.parse(request.createdAt) - now, locale)}</TableCell>
      <TableCell>
        {target}
        {overdueCrisis && (
          <Text block size={200} className={styles.overdueText} data-testid="overdue-crisis">
            {overdueCrisis}
          </Text>
        )}
      </TableCell>
      <TableCell>
        <RowAction {...{ request, onClaim, onOpen }} />
      </TableCell>
    </TableRow>
  );
}

function QueueCards({ requests, now, locale, onClaim, onOpen }: ListProps) {
  const styles = useStyles();
  const { text } = useMessages();
  return (
    <ul className={styles.cards} aria-labelledby="queue-title" data-testid="queue-cards">
      {requests.map((request) => (
        <li key={request.referenceCode}>
          <QueueCard {...{ request, now, locale, onClaim, onOpen }} labels={text} />
        </li>
      ))}
    </ul>
  );
}

function QueueCard({
  request,
  now,
  locale,
  onClaim,
  onOpen,
  labels,
}: Omit<ListProps, "requests"> & { request: QueueEntry; labels: ReturnType<typeof useMessages>["text"] }) {
  const { labelFor } = useMessages();
  const styles = useStyles();
  const { target, overdueCrisis } = useTarget(request, now, locale);
  return (
    <Card
      className={overdueCrisis ? `${styles.card} ${styles.overdueCard}` : styles.card}
      data-code={request.referenceCode}
      data-testid="queue-card"
      aria-label={`${request.referenceCode}, ${labelFor("urgency", request.urgency)}`}
    >
      <div className={styles.heading}>
        <Text weight="semibold">{request.referenceCode}</Text>
        <UrgencyBadge request={request} />
      </div>
      {overdueCrisis && (
        <Text className={styles.overdueText} data-testid="overdue-crisis">
          {overdueCrisis}
        </Text>
      )}
      <dl className={styles.facts}>
        <dt className={styles.term}>{labels.columnCategory}</dt>
        <dd className={styles.value}>{labelFor("category", request.category)}</dd>
        <dt className={styles.term}>{labels.columnStatus}</dt>
        <dd className={styles.value}>{labelFor("status", request.status)}</dd>
        <dt className={styles.term}>{labels.columnWaiting}</dt>
        <dd className={styles.value}>{relativeTime(Date.parse(request.createdAt) - now, locale)}</dd>
        <dt className={styles.term}>{labels.columnTarget}</dt>
        <dd className={styles.value}>{target}</dd>
      </dl>
      <div>
        <RowAction {...{ request, onClaim, onOpen }} />
      </div>
    </Card>
  );
}
