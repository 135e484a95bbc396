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
import type { RequestSummaryView as RequestSummary } from "../../../shared/requests/request-views.js";
import { useMessages } from "../i18n/use-messages.js";
import { dateTime } from "../time-format.js";
import { useNarrow } from "../use-narrow.js";

const WITHDRAWABLE = new Set(["open", "claimed", "in_conversation"]);

const useStyles = makeStyles({
  cards: { display: "grid", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0, minWidth: 0 },
  card: { minWidth: 0 },
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
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export interface MyRequestListProps {
  requests: readonly RequestSummary[];
  locale: string;
  timeZone: string;
  onOpen: (request: RequestSummary) => void;
  onWithdraw: (request: RequestSummary) => void;
}

/** A member's requests: a table where there is room, one card per request on a phone (at most 640 px). */
export function MyRequestList(props: MyRequestListProps) {
  return useNarrow() ? <RequestCards {...props} /> : <RequestTable {...props} />;
}

function StatusBadge({ request }: { request: RequestSummary }) {
  const { labelFor } = useMessages();
  return (
    <Badge appearance="tint" color={request.status === "open" ? "warning" : "brand"}>
      {labelFor("status", request.status)}
    </Badge>
  );
}

function Actions({ request, onOpen, onWithdraw }: { request: RequestSummary } & Pick<MyRequestListProps, "onOpen" | "onWithdraw">) {
  const { text } = useMessages();
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button size="small" aria-label={`${text.actionDetails} ${request.referenceCode}`} onClick={() => onOpen(request)}>
        {text.actionDetails}
      </Button>
      {WITHDRAWABLE.has(request.status) && (
        <Button size="small" aria-label={`${text.actionWithdraw} ${request.referenceCode}`} onClick={() => onWithdraw(request)}>
          {text.actionWithdraw}
        </Button>
      )}
    </div>
  );
}

function RequestTable({ requests, locale, timeZone, onOpen, onWithdraw }: MyRequestListProps) {
  const { text, labelFor } = useMessages();
  return (
    <Table aria-labelledby="my-requests-title" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{text.columnReference}</TableHeaderCell>
          <TableHeaderCell>{text.columnCategory}</TableHeaderCell>
          <TableHeaderCell>{text.columnStatus}</TableHeaderCell>
          <TableHeaderCell>{text.columnAsked}</TableHeaderCell>
          <TableHeaderCell>{text.columnActions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((request) => (
          <TableRow key={request.referenceCode} data-code={request.referenceCode}>
            <TableCell>{request.referenceCode}</TableCell>
            <TableCell>{labelFor("category", request.category)}</TableCell>
            <TableCell>
              <StatusBadge request={request} />
            </TableCell>
            <TableCell>{dateTime(request.createdAt, locale, timeZone)}</TableCell>
            <TableCell>
              <Actions {...{ request, onOpen, onWithdraw }} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RequestCards({ requests, locale, timeZone, onOpen, onWithdraw }: MyRequestListProps) {
  const { text, labelFor } = useMessages();
  const styles = useStyles();
  return (
    <ul className={styles.cards} aria-labelledby="my-requests-title" data-testid="my-request-cards">
      {requests.map((request) => (
        <li key={request.referenceCode}>
          <Card
            className={styles.card}
            data-code={request.referenceCode}
            data-testid="my-request-card"
            aria-label={`${request.referenceCode}, ${labelFor("status", request.status)}`}
          >
            <div className={styles.heading}>
              <Text weight="semibold">{request.referenceCode}</Text>
              <StatusBadge request={request} />
            </div>
            <dl className={styles.facts}>
              <dt className={styles.term}>{text.columnCategory}</dt>
              <dd className={styles.value}>{labelFor("category", request.category)}</dd>
              <dt className={styles.term}>{text.columnAsked}</dt>
              <dd className={styles.value}>{dateTime(request.createdAt, locale, timeZone)}</dd>
            </dl>
            <Actions {...{ request, onOpen, onWithdraw }} />
          </Card>
        </li>
      ))}
    </ul>
  );
}
