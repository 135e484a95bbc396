import { FluentProvider, Spinner } from "@fluentui/react-components";
import { Component, Suspense, useEffect, useState, type ReactNode } from "react";
import { DevIdentityBanner } from "./components/dev-identity-banner.js";
import { EmergencyBlock, EmergencyLink } from "./components/emergency-block.js";
import { ErrorState } from "./components/error-state.js";
import { MessagesProvider, useMessages } from "./i18n/use-messages.js";
import { routeFor, type RouteName } from "./routes.js";
import { PageNav } from "./navigation/page-nav.js";
import { MeetingHeading } from "./pages/meeting-heading.js";
import { useRoutePage } from "./page-loaders.js";
import type { Session } from "./session.js";
import { fluentThemeFor } from "./theme.js";
import { browserLocale, type HostTheme } from "./teams/host-context.js";

type StartState = { phase: "starting" } | { phase: "ready"; session: Session } | { phase: "failed"; error: unknown };

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
      // The shell says what went wrong in the viewer's language, never in the browser's words (see errorWords).
      (error: unknown) => !cancelled && setState({ phase: "failed", error }),
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
  const { text, errorText } = useMessages();
  const session = state.phase === "ready" ? state.session : undefined;
  const route = routeFor(location.pathname, session?.context.frameContext ?? "standalone");
  // The page's module is loaded before it renders, not suspended on: React holds a revealed
  // fallback for a while, which kept the side panel's first state off screen for 300 ms.
  const page = useRoutePage(session ? route : undefined);
  return (
    <main aria-label={text.appName} style={{ padding: route === "stage" ? 24 : 16, display: "grid", gap: 16 }}>
      {state.phase === "failed" && <ErrorState message={errorText(state.error)} />}
      {session?.devIdentity && <DevIdentityBanner choice={session.devIdentity} />}
      {session && <PageNav route={route} inTeams={session.context.inTeams} />}
      {(state.phase === "starting" || page?.status === "loading") && <Starting route={route} />}
      {page?.status === "failed" && <ErrorState message={errorText(page.error)} />}
      {session && page?.status === "ready" && (
        <PageBoundary key={route}>
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

/**
 * A page that throws while rendering (or in an effect) shows an error in its place; the shell and the
 * emergency block stay. Keyed by route by its parent, so moving to another page starts afresh.
 */
class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean; error?: unknown }> {
  override state: { failed: boolean; error?: unknown } = { failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }
  override render() {
    return this.state.failed ? <PageError error={this.state.error} /> : this.props.children;
  }
}

function PageError({ error }: { error: unknown }) {
  const { errorText } = useMessages();
  return <ErrorState message={errorText(error)} />;
}
