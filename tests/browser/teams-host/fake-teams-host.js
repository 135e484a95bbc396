// A small stand-in for the Teams client: it iframes the tab and answers the @microsoft/teams-js v2
// postMessage protocol (read from teams-js's own source): initialize, getContext, the SSO token,
// theme changes and the app's success notification. Configured by window.hostConfig before load.
(() => {
  const config = window.hostConfig;
  const iframe = document.getElementById("tab");
  const tabOrigin = new URL(config.tabUrl, location.href).origin;
  const state = { calls: [], messages: [], notifiedSuccess: false, tokenRequests: 0, theme: config.theme || "default" };
  // When the host answered `initialize` (epoch milliseconds), for tests of what the tab shows before that.
  state.initializeAnsweredAt = undefined;
  window.hostState = state;

  const reply = (message, args) =>
    iframe.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, tabOrigin);
  // Host-to-tab events carry no numeric id: teams-js would otherwise take them for replies.
  const sendEvent = (func, args) => iframe.contentWindow.postMessage({ func, args }, tabOrigin);

  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      appInstallDialog: {},
      pages: { appButton: {}, config: {}, tabs: {} },
      teamsCore: {},
      meeting: {},
      dialog: { url: {} },
      // The people picker exists only in some Teams clients; a test turns it on by naming who it returns.
      ...(config.pickablePerson ? { people: {} } : {}),
    },
  };

  const handlers = {
    initialize: () => [config.frameContext, "web", JSON.stringify(runtime), "2.0.1"],
    getContext: () => [
      {
        locale: config.locale || "en-gb",
        theme: state.theme,
        frameContext: config.frameContext,
        hostClientType: "web",
        tid: config.tenantId,
        userObjectId: config.userId,
        loginHint: "person@contoso.example",
        userPrincipalName: "person@contoso.example",
        entityId: "peer-circles",
        ...(config.meetingId ? { meetingId: config.meetingId } : {}),
        ...(config.teamGroupId ? { teamId: "19:ward-4-general@thread.tacv2", groupId: config.teamGroupId, teamName: "Ward 4" } : {}),
      },
    ],
    "authentication.getAuthToken": () => {
      state.tokenRequests++;
      return config.token ? [true, config.token] : [false, "token unavailable"];
    },
    // Sharing to the stage: the callback gets (error, result).
    "meeting.shareAppContentToStage": () => [null, true],
    "people.selectPeople": () => [null, config.pickablePerson ? [config.pickablePerson] : []],
    "appInitialization.success": () => {
      state.notifiedSuccess = true;
      return undefined;
    },
  };

  window.addEventListener("message", (event) => {
    if (event.source !== iframe.contentWindow || event.origin !== tabOrigin) return;
    const message = event.data;
    if (!message || typeof message.func !== "string") return;
    state.calls.push(message.func);
    state.messages.push({ func: message.func, args: message.args });
    const handler = handlers[message.func];
    const args = handler ? handler(message) : undefined;
    if (args === undefined) return;
    // A slow Teams client: `initializeDelayMs` holds the answer to `initialize` back.
    const answer = () => {
      if (message.func === "initialize") state.initializeAnsweredAt = performance.timeOrigin + performance.now();
      reply(message, args);
    };
    const delay = message.func === "initialize" ? config.initializeDelayMs || 0 : 0;
    if (delay) setTimeout(answer, delay);
    else answer();
  });

  // What Teams does when the person presses Save on a configuration page.
  window.pressSave = () => sendEvent("settings.save", [{}]);

  window.setTheme = (theme) => {
    state.theme = theme;
    sendEvent("themeChange", [theme]);
  };

  // The listener must be in place before the tab starts: teams-js sends `initialize` only once.
  iframe.src = config.tabUrl;
})();
