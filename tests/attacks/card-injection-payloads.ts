/**
 * What one person might type (as a display name, a relay message, a circle topic, a resource title…)
 * to make their words look like the bot's own in somebody else's card: bold "security notices",
 * phishing links, fake paragraphs, hidden or reordered text. Issue #13, point 4.
 */
export interface CardInjectionPayload {
  kind:
    | "markdown"
    | "link"
    | "autolink"
    | "mention"
    | "html"
    | "entity"
    | "bidi-control"
    | "zero-width"
    | "long"
    | "emoji"
    | "newline"
    | "date-function"
    | "template"
    | "plain";
  text: string;
}

const payload = (kind: CardInjectionPayload["kind"], text: string): CardInjectionPayload => ({ kind, text });

export const CARD_INJECTION_PAYLOADS: readonly CardInjectionPayload[] = [
  payload("markdown", "**URGENT: Security notice** from Peer Circles"),
  payload("markdown", "__bold__ and _italic_ and *star italic*"),
  payload("markdown", "~~struck~~ and ~single~ tildes"),
  payload("markdown", "`inline code` and ```fenced```"),
  payload("markdown", "# Peer Circles security team"),
  payload("markdown", "> Peer Circles says: your account is locked"),
  payload("markdown", "- verify your account\n- enter your password"),
  payload("markdown", "+ plus item"),
  payload("markdown", "* star item"),
  payload("markdown", "1. Open the link\n2. Sign in again"),
  payload("markdown", "3) numbered with a parenthesis"),
  payload("markdown", "Security notice\n==="),
  payload("markdown", "Security notice\n---"),
  payload("markdown", "***"),
  payload("markdown", "    indented like a code block"),
  payload("markdown", "\\*escaped by hand\\* and a trailing backslash\\"),
  payload("markdown", "| Account | Locked |\n|---|---|"),
  payload("link", "[Verify your account](https://evil.example/login)"),
  payload("link", "[click me](javascript:alert(1))"),
  payload("link", "![tracking pixel](https://evil.example/pixel.png)"),
  payload("link", "[ref]: https://evil.example\n[Click here][ref]"),
  payload("link", "<https://evil.example/autolink>"),
  payload("link", "\\[not a link\\](https://evil.example)"),
  payload("autolink", "https://evil.example/reset-password?user=you"),
  payload("autolink", "HTTP://EVIL.EXAMPLE/LOGIN"),
  payload("autolink", "www.evil.example"),
  payload("autolink", "evil.example/login"),
  payload("autolink", "support@evil.example"),
  payload("autolink", "mailto:support@evil.example"),
  payload("autolink", "tel:+441234567890"),
  payload("autolink", "//evil.example/path"),
  payload("autolink", "http://192.168.0.1/admin and 10.0.0.1"),
  payload("autolink", "evil\u3002example and evil\uFF0Eexample"),
  payload("autolink", "javascript:alert(document.cookie)"),
  payload("autolink", "data:text/html;base64,PHNjcmlwdD4="),
  payload("mention", "<at>Peer Circles</at> says hello"),
  payload("mention", "@everyone please read this"),
  payload("html", "<b>bold</b><script>alert(1)</script>"),
  payload("html", '<a href="https://evil.example">Open</a>'),
  payload("html", "<img src=x onerror=alert(1)>"),
  payload("entity", "&lt;at&gt;Bot&lt;/at&gt;"),
  payload("entity", "&#42;&#42;bold&#42;&#42; &#x5B;link&#x5D;&#40;https://evil.example&#41;"),
  payload("entity", "&amp; &nbsp; &copy; Research & Development"),
  payload("bidi-control", "\u202Eelpmaxe.live\u202C"),
  payload("bidi-control", "Sam\u2066\u2067\u2068 Smith\u2069\u202A\u202B\u202D"),
  payload("bidi-control", "\u200Fright-to-left mark\u200E and \u061Carabic mark"),
  payload("bidi-control", "\u0000null\u0007bell\u001Bescape\u007Fdelete\u0008back"),
  payload("bidi-control", "\u0085next line\u009Bcsi\u0090dcs"),
  payload("zero-width", "evil\u200B.\u200Bexample"),
  payload("zero-width", "w\u200Bw\u200Bw.evil.example"),
  payload("zero-width", "evil\u00AD.com and \uFEFFevil\u2060.\u2061com"),
  payload("zero-width", "\u200Chidden\u200Djoiner\u180E"),
  payload("zero-width", "tag\u{E0041}\u{E0042}characters"),
  payload("long", "A".repeat(5000)),
  payload("long", "**bold** ".repeat(600)),
  payload("emoji", "\u{1F49C} thanks \u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1F3F3}\uFE0F\u200D\u{1F308}"),
  payload("emoji", "\u{1F512} **Security** \u{1F512} https://evil.example"),
  payload("newline", "Hi\n\n**Peer Circles: security notice**\n\nVerify at https://evil.example"),
  payload("newline", "line one\r\n\r\nline two\u2028line three\u2029paragraph"),
  payload("newline", "\n\n\n"),
  payload("newline", "Thanks.\n\n\n\nPeer Circles: your request was closed."),
  payload("date-function", "{{DATE(2017-02-14T06:08:39Z, SHORT)}}"),
  payload("date-function", "{{TIME(2017-02-14T06:08:39Z)}} at {{DATE(2017-02-14T06:08:39+02:00,LONG)}}"),
  payload("template", "${requester.name} and ${=1+1}"),
  payload("template", "$root.secret {{ }} ${$host}"),
  payload("plain", "Anne-Marie O'Neil (dev) \u2014 Tab\tseparated"),
];
