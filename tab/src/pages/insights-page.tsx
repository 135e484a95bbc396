import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, Title2 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { addWeeks, isoWeek } from "../../../shared/insights/iso-week.js";
import type { InsightsReport } from "../../../shared/insights/insights-report.js";
import type { InsightsQuery } from "../api/api-client.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { saveFile } from "../api/file-download.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import { FigureSection } from "../insights/figure-section.js";
import { formatShare } from "../insights/insights-format.js";
import { InsightsControls } from "../insights/insights-controls.js";
import { InsightsSettingsForm } from "../insights/insights-settings-form.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

type RangeQuery = InsightsQuery & { from: string; to: string };

/** The last twelve weeks, as the server would choose too. */
function defaultQuery(): RangeQuery {
  const to = isoWeek(new Date());
  return { from: addWeeks(to, -11), to };
}

/** Programme admins see aggregate figures here; anyone else is told the page is not for them. */
export function InsightsPage({ session }: { session: Session }) {
  const { text, errorText } = useMessages();
  const [me, retry] = useLoad(useCallback(() => session.api.me(), [session]));
  if (me.status === "loading") return <Spinner label={text.loading} />;
  if (me.status === "failed")
    return <ErrorState message={me.error.status === 401 ? text.errorSignIn : errorText(me.error)} onRetry={retry} />;
  return (
    <section aria-labelledby="insights-title" style={{ display: "grid", gap: 16, minWidth: 0 }}>
      <Title2 as="h1" id="insights-title">
        {text.insightsTitle}
      </Title2>
      {me.data.roles.includes("admin") ? (
        <InsightsDashboard session={session} />
      ) : (
        <MessageBar intent="info" layout="multiline" data-testid="insights-admins-only">
          <MessageBarBody>{text.insightsAdminsOnly}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function allWithheld(report: InsightsReport): boolean {
  return report.tables.every((table) => table.rows.every((row) => row.values.every((value) => value.withheld)));
}

function InsightsDashboard({ session }: { session: Session }) {
  const { text, errorText } = useMessages();
  const locale = session.context.locale;
  const [query, setQuery] = useState<RangeQuery>(defaultQuery);
  const [report, reload] = useLoad(useCallback(() => session.api.insights(query), [session, query]));
  const [downloading, setDownloading] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();

  // The choices stay those of the last answer while a failed one is retried.
  const [options, setOptions] = useState<InsightsReport["options"]>();
  if (report.status === "ready" && report.data.options !== options) setOptions(report.data.options);

  // The answer on screen can be for the previous choice while the next one loads.
  const current =
    report.status === "ready" &&
    report.data.from === query.from &&
    report.data.to === query.to &&
    report.data.filter.category === query.category &&
    report.data.filter.urgency === query.urgency;

  const download = async () => {
    setDownloading(true);
    setNotice(undefined);
    try {
      saveFile(await session.api.insightsCsv(query));
    } catch {
      setNotice({ intent: "error", message: text.insightsDownloadFailed });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <Text>{text.insightsIntro}</Text>
      <Text size={200}>{text.insightsRetentionNote}</Text>
      {options && <InsightsControls query={query} options={options} onChange={setQuery} />}
      {notice && <Notice {...notice} />}
      {report.status === "loading" && <Spinner label={text.loading} />}
      {report.status === "failed" && <ErrorState message={errorText(report.error)} onRetry={reload} />}
      {report.status === "ready" && (
        <div style={{ display: "grid", gap: 16, minWidth: 0 }} aria-busy={!current}>
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "center" }}>
            <Button onClick={() => void download()} disabled={downloading || !current}>
              {text.insightsDownloadCsv}
            </Button>
            {!current && <Spinner size="tiny" label={text.loading} />}
          </div>
          {allWithheld(report.data) && <Text data-testid="insights-nothing-yet">{text.insightsNothingYet}</Text>}
          <div style={{ display: "grid", gap: 16, gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 30rem), 1fr))" }}>
            {report.data.tables.map((table) => (
              <FigureSection key={table.id} table={table} locale={locale}>
                {table.id === "participation" && <ParticipationNote report={report.data} locale={locale} />}
              </FigureSection>
            ))}
          </div>
          <InsightsSettingsForm api={session.api} settings={report.data.settings} onSaved={reload} />
        </div>
      )}
      <Link href="/personal/programme">{text.programmeTitle}</Link>
    </>
  );
}

function ParticipationNote({ report, locale }: { report: InsightsReport; locale: string }) {
  const { text, formatMessage } = useMessages();
  if (report.participation === "needs-programme-size")
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text.insightsNeedsProgrammeSize}</MessageBarBody>
      </MessageBar>
    );
  const { targetShare, targetBy } = report.settings;
  if (targetShare === undefined) return null;
  const share = formatShare(targetShare, locale);
  const date = targetBy
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${targetBy}T00:00:00Z`))
    : undefined;
  return (
    <Text weight="semibold">
      {date ? formatMessage("insightsTargetLine", { share, date }) : formatMessage("insightsTargetLineNoDate", { share })}
    </Text>
  );
}
