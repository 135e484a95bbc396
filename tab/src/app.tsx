import { FluentProvider, Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { EmergencyBlock } from "./components/emergency-block.js";
import { ErrorState } from "./components/error-state.js";
import { MessagesProvider, useMessages } from "./i18n/use-messages.js";
// One chunk per frame context, so a side panel does not download the personal app's pages.
// Only development identity mode needs the user switcher, so its dropdown stays out of the first download.
const DevIdentityBanner = lazy(() =>
  import("./components/dev-identity-banner.js").then((module) => ({ default: module.DevIdentityBanner })),
);
const ConfigPage = lazy(() => import("./pages/config-page.js").then((module) => ({ default: module.ConfigPage })));
const HomePage = lazy(() => import("./pages/home-page.js").then((module) => ({ default: module.HomePage })));
const MyRequestsPage = lazy(() => import("./pages/my-requests-page.js").then((module) => ({ default: module.MyRequestsPage })));
const QueuePage = lazy(() => import("./pages/queue-page.js").then((module) => ({ default: module.QueuePage })));
const ProgrammePage = lazy(() => import("./pages/programme-page.js").then((module) => ({ default: module.ProgrammePage })));
// Insights bring the charting library; only this page's chunk (and its charts' own) ever loads it.
const InsightsPage = lazy(() => import("./pages/insights-page.js").then((module) => ({ default: module.InsightsPage })));
const ResourcesPage = lazy(() => import("./pages/resources-page.js").then((module) => ({ default: module.ResourcesPage })));
const SupportersPage = lazy(() => import("./pages/supporters-page.js").then((module) => ({ default: module.SupportersPage })));
const MyDataPage = lazy(() => import("./pages/my-data-page.js").then((module) => ({ default: module.MyDataPage })));
const TeamCirclesPage = lazy(() => import("./pages/team-circles-page.js").then((module) => ({ default: module.TeamCirclesPage })));
const TemplatesPage = lazy(() => import("./pages/templates-page.js").then((module) => ({ default: module.TemplatesPage })));
const SidePanelPage = lazy(() => import("./pages/meeting-pages.js").then((module) => ({ default: module.SidePanelPage })));
const StagePage = lazy(() => import("./pages/meeting-pages.js").then((module) => ({ default: module.StagePage })));
import { routeFor } from "./routes.js";
import { startSession, type Session } from "./session.js";
import { fluentThemeFor } from "./theme.js";
import { browserContext, type HostTheme } from "./teams/host-context.js";

type StartState = { phase: "starting" } | { phase: "ready"; session: Session } | { phase: "failed"; message: string };

export function App() {
  const [state, setState] = useState<StartState>({ phase: "starting" });
  const [theme, setTheme] = useState<HostTheme>("default");

  useEffect(() => {
    let cancelled = false;
    startSession().then(
      (session) => {
        if (cancelled) return;
        setTheme(session.context.theme);
        session.onThemeChange(setTheme);
        setState({ phase: "ready", session });
        session.notifySuccess();
      },
      // An empty message is filled in by the shell, in the viewer's language; so is a failed fetch (a TypeError, in the browser's words).
      (error: unknown) =>
        !cancelled && setState({ phase: "failed", message: error instanceof TypeError ? "" : ((error as Error).message ?? "") }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const session = state.phase === "ready" ? state.session : undefined;
  // Until (or unless) the session starts, the browser's own language picks the words and the crisis line.
  const locale = session?.context.locale ?? browserContext().locale;
  return (
    <MessagesProvider locale={locale}>
      <FluentProvider
        theme={fluentThemeFor(theme)}
        data-theme={theme}
        data-frame-context={session?.context.frameContext}
        style={{ minHeight: "100vh" }}
      >
        <Shell state={state} locale={locale} />
      </FluentProvider>
    </MessagesProvider>
  );
}

function Shell({ state, locale }: { state: StartState; locale: string }) {
  const { text } = useMessages();
  const session = state.phase === "ready" ? state.session : undefined;
  const route = routeFor(location.pathname, session?.context.frameContext ?? "standalone");
  return (
    <main aria-label={text.appName} style={{ padding: route === "stage" ? 24 : 16, display: "grid", gap: 16 }}>
      {state.phase === "starting" && <Spinner label={text.loading} style={{ paddingTop: 32 }} />}
      {state.phase === "failed" && <ErrorState message={state.message || text.errorNetwork} />}
      {session?.devIdentity && (
        <Suspense fallback={null}>
          <DevIdentityBanner choice={session.devIdentity} />
        </Suspense>
      )}
      {session && (
        <PageBoundary>
          <Suspense fallback={<Spinner label={text.loading} />}>
            {route === "home" && <HomePage session={session} />}
            {route === "myRequests" && <MyRequestsPage session={session} />}
            {route === "queue" && <QueuePage session={session} />}
            {route === "sidePanel" && <SidePanelPage session={session} />}
            {route === "stage" && <StagePage session={session} />}
            {route === "config" && <ConfigPage session={session} />}
            {route === "templates" && <TemplatesPage session={session} />}
            {route === "teamCircles" && <TeamCirclesPage session={session} />}
            {route === "myData" && <MyDataPage session={session} />}
            {route === "supporters" && <SupportersPage session={session} />}
            {route === "programme" && <ProgrammePage session={session} />}
            {route === "insights" && <InsightsPage session={session} />}
            {route === "resources" && <ResourcesPage session={session} />}
          </Suspense>
        </PageBoundary>
      )}
      {/* Outside every phase and boundary: no request, failed start, missing chunk or page error removes it. */}
      <EmergencyBlock locale={locale} />
    </main>
  );
}

/** A page that throws (or whose chunk cannot load) shows an error in its place; the shell and the emergency block stay. */
class PageBoundary extends Component<{ children: ReactNode }, { message?: string }> {
  override state: { message?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { message: (error as Error)?.message ?? "" };
  }
  override render() {
    return this.state.message !== undefined ? <PageError message={this.state.message} /> : this.props.children;
  }
}

function PageError({ message }: { message: string }) {
  const { text } = useMessages();
  return <ErrorState message={message || text.errorNetwork} />;
}
