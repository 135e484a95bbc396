import { FluentProvider, Spinner } from "@fluentui/react-components";
import { Component, Suspense, useEffect, useState, type ReactNode } from "react";
import { DevIdentityBanner } from "./components/dev-identity-banner.js";
import { EmergencyBlock, EmergencyLink } from "./components/emergency-block.js";
import { ErrorState } from "./components/error-state.js";
import { MessagesProvider, useMessages } from "./i18n/use-messages.js";
import { routeFor, type RouteName } from "./routes.js";
import { MeetingHeading } from "./pages/meeting-heading.js";
import { useRoutePage } from "./page-loaders.js";
import type { Session } from "./session.js";
import { fluentThemeFor } from "./theme.js";
import { browserLocale, type HostTheme } from "./teams/host-context.js";

type StartState = { phase: "starting" } | { phase: "ready"; session: Session } | { phase: "failed"; message: string };

/** `starting` is the session start begun before the first render (see boot.ts). */
export function App({ starting }: { starting: Promise<Session> }) {
  const [state, setState] = useState<StartState>({ phase: "starting" });
  const [theme, setTheme] = useState<HostTheme>("default");

  useEffect(() => {
    let cancelled = false;
    starting.then(
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
  }, [starting]);

  const session = state.phase === "ready" ? state.session : undefined;
  // Until (or unless) the session starts, the browser's own language picks the words and the crisis line.
  const locale = session?.context.locale ?? browserLocale();
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
  // The page's module is loaded before it renders, not suspended on: React holds a revealed
  // fallback for a while, which kept the side panel's first state off screen for 300 ms.
  const page = useRoutePage(session ? route : undefined);
  return (
    <main aria-label={text.appName} style={{ padding: route === "stage" ? 24 : 16, display: "grid", gap: 16 }}>
      {state.phase === "failed" && <ErrorState message={state.message || text.errorNetwork} />}
      {session?.devIdentity && <DevIdentityBanner choice={session.devIdentity} />}
      {(state.phase === "starting" || page?.status === "loading") && <Starting route={route} />}
      {page?.status === "failed" && <PageError message={page.message} />}
      {session && page?.status === "ready" && (
        <PageBoundary>
          <Suspense fallback={<Spinner label={text.loading} />}>
            <page.Page session={session} />
          </Suspense>
        </PageBoundary>
      )}
      {/* Outside every phase and boundary: no request, failed start, missing chunk or page error removes it. The stage shows its compact form. */}
      {route === "stage" ? <EmergencyLink locale={locale} /> : <EmergencyBlock locale={locale} />}
    </main>
  );
}

/** Before Teams answers: a meeting surface already shows its heading, every route the loading state. */
function Starting({ route }: { route: RouteName }) {
  const { text } = useMessages();
  const spinner = <Spinner label={text.loading} style={{ paddingTop: 32 }} />;
  if (route !== "sidePanel" && route !== "stage") return spinner;
  return (
    <section
      aria-labelledby={route === "stage" ? "stage-title" : "side-panel-title"}
      style={{ display: "grid", gap: 8, textAlign: route === "stage" ? "center" : "start" }}
    >
      <MeetingHeading surface={route === "stage" ? "stage" : "panel"} />
      {spinner}
    </section>
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
