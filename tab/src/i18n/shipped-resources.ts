import { DEFAULT_RESOURCES, type Resource } from "../../../shared/resources/resource-catalogue.js";
import type { TabLanguage } from "./messages.js";

/** The words of a shipped entry that a viewer reads; names, numbers and addresses stay as the data gives them. */
export interface ShippedWords {
  /** Guides only: a crisis line keeps its own name. */
  readonly title?: string;
  readonly description: string;
  /** For an availability of kind "note". */
  readonly note?: string;
  /** A guide's text, paragraphs separated by blank lines like the English. */
  readonly body?: string;
}

/**
 * The shipped crisis lines in German. They ship in the bundle and are shown before (or without) any
 * request, so their words are translated here rather than by the server. Crisis-line names and
 * phone numbers are not translated: that is how the lines answer and how people search for them.
 */
export const SHIPPED_CRISIS_LINES_DE: Readonly<Record<string, ShippedWords>> = {
  "default-988-lifeline": {
    description:
      "Rufen Sie 988 an, schreiben Sie eine SMS an 988 oder chatten Sie online: kostenlose und vertrauliche Unterstützung in den USA, jederzeit.",
  },
  "default-samaritans": {
    description:
      "Kostenloses, vertrauliches Zuhören für alle, denen es schlecht geht, im Vereinigten Königreich und in Irland, Tag und Nacht.",
  },
  "default-telefonseelsorge": {
    description: "Kostenlos und anonym zuhören: am Telefon, im Chat und per E-Mail in Deutschland, rund um die Uhr.",
  },
  "default-find-a-helpline": {
    description: "Ein Verzeichnis kostenloser, vertraulicher Krisentelefone in vielen Ländern, durchsuchbar nach Land und Thema.",
    note: "Verzeichnis kostenloser, vertraulicher Angebote weltweit",
  },
};

/** The guides and techniques every tenant starts with, in German. */
export const SHIPPED_GUIDES_DE: Readonly<Record<string, ShippedWords>> = {
  "default-active-listening": {
    title: "Aktives Zuhören",
    description: "Wie Sie so zuhören, dass sich eine Kollegin oder ein Kollege gehört fühlt, ohne gleich etwas lösen zu wollen.",
    body: [
      "Schenken Sie der Person Ihre volle Aufmerksamkeit. Klappen Sie den Laptop zu, schalten Sie Benachrichtigungen stumm und lassen Sie sie ausreden; eine Pause ist in Ordnung.",
      "Geben Sie mit eigenen Worten wieder, was Sie gehört haben: „Es klingt, als wäre der letzte Monat pausenlos anstrengend gewesen.“ Das zeigt, dass Sie verstanden haben, und die Person kann Sie korrigieren.",
      "Stellen Sie offene Fragen wie „Was war das Schwerste daran?“ statt „Alles in Ordnung?“.",
      "Halten Sie sich mit Lösungen, Vergleichen und Urteilen zurück. Wenn Sie nicht sicher sind, was die Person braucht, fragen Sie: „Helfen Ihnen Ideen, oder möchten Sie vor allem gehört werden?“",
      "Danken Sie am Ende dafür, dass sie sich Ihnen anvertraut hat, und fragen Sie, was als Nächstes helfen würde.",
    ].join("\n\n"),
  },
  "default-boundaries": {
    title: "Grenzen für kollegiale Ansprechpersonen",
    description: "Was eine kollegiale Ansprechperson tut und was nicht, und wie man das freundlich sagt.",
    body: [
      "Sie sind Kollegin oder Kollege, keine Therapeutin und kein Therapeut. Sie hören zu, erzählen, was anderen geholfen hat, und helfen, professionelle Unterstützung zu finden.",
      "Sie stellen keine Diagnosen, geben keinen medizinischen oder rechtlichen Rat und versprechen keine Verschwiegenheit, wenn jemand in Gefahr ist.",
      "Sagen Sie früh, was Sie anbieten können: „Ich bin da, um zuzuhören, und wenn es so klingt, als bräuchten Sie mehr, helfe ich Ihnen, es zu finden.“",
      "Es ist in Ordnung zu sagen: „Das kann ich gerade nicht übernehmen, aber lassen Sie uns jemanden finden, der es kann.“",
      "Achten Sie nach einem schweren Gespräch auch auf sich selbst: Sprechen Sie mit dem Programmteam oder der Mitarbeiterberatung (EAP) darüber.",
    ].join("\n\n"),
  },
  "default-when-to-refer": {
    title: "Wann Sie weitervermitteln sollten",
    description: "Woran Sie erkennen, dass jemand mehr als kollegiale Unterstützung braucht, und wie Sie helfen, sie zu bekommen.",
    body: [
      "Sofort: wenn jemand davon spricht, sich das Leben zu nehmen, sich selbst oder anderen zu schaden, oder gerade in Gefahr ist. Bleiben Sie bei der Person und nutzen Sie gemeinsam die Krisentelefone oder die örtliche Notrufnummer.",
      "Bald: wenn es seit mehr als zwei Wochen schwer ist, schlimmer wird, Schlaf, Essen oder Arbeit beeinträchtigt, Alkohol oder Drogen im Spiel sind oder Sie sich überfordert fühlen. Empfehlen Sie die Mitarbeiterberatung (EAP), die Hausärztin oder den Hausarzt oder eine Fachperson.",
      "An die Personalabteilung oder eine Führungskraft: Belästigung, Sicherheitsbedenken und andere Probleme bei der Arbeit, bei denen jemand handeln muss.",
      "Erklären Sie, warum Sie das vorschlagen, fragen Sie, ob das in Ordnung ist, und bieten Sie an, beim ersten Anruf oder der ersten Nachricht zu helfen.",
    ].join("\n\n"),
  },
  "default-box-breathing": {
    title: "Box-Atmung",
    description: "Eine einminütige Atemübung, um sich vor oder nach etwas Schwierigem zu sammeln.",
    body: [
      "Setzen oder stellen Sie sich bequem hin. Augen offen oder geschlossen, wie es sich besser anfühlt.",
      "Atmen Sie durch die Nase ein und zählen Sie dabei bis vier. Halten Sie den Atem sanft, bis vier. Atmen Sie langsam aus, bis vier. Halten Sie, bis vier.",
      "Wiederholen Sie das viermal oder etwa eine Minute lang.",
      "Wenn sich das Anhalten unangenehm anfühlt, lassen Sie es weg und atmen Sie einfach jedes Mal etwas langsamer aus. Hören Sie auf, wenn Ihnen schwindlig wird.",
    ].join("\n\n"),
  },
  "default-five-minute-reset": {
    title: "5-Minuten-Pause zum Durchatmen",
    description: "Eine kurze Routine zwischen zwei Besprechungen oder nach einem schweren Moment.",
    body: [
      "Minute 1: Stehen Sie auf, kreisen Sie die Schultern und lockern Sie den Kiefer.",
      "Minute 2: Trinken Sie etwas Wasser und schauen Sie auf etwas weit Entferntes.",
      "Minute 3: Atmen Sie ein paar Mal langsam, das Ausatmen jeweils länger als das Einatmen.",
      "Minute 4: Nennen Sie eine Sache, die heute gut gelaufen ist, so klein sie auch sein mag.",
      "Minute 5: Wählen Sie die eine nächste Sache, die Sie tun, und lassen Sie den Rest warten.",
    ].join("\n\n"),
  },
};

const SHIPPED: Partial<Record<TabLanguage, Readonly<Record<string, ShippedWords>>>> = {
  de: { ...SHIPPED_CRISIS_LINES_DE, ...SHIPPED_GUIDES_DE },
};

/**
 * A shipped entry in the viewer's language, while its words are still the shipped English ones: an
 * entry a tenant's admin has reworded is theirs, and is shown exactly as they wrote it.
 */
export function inViewerLanguage<T extends Resource>(resource: T, language: TabLanguage): T {
  const words = SHIPPED[language]?.[resource.id];
  const shipped = DEFAULT_RESOURCES.find((candidate) => candidate.id === resource.id);
  if (!words || !shipped) return resource;
  const availability = resource.availability;
  const noteIsShipped =
    words.note !== undefined &&
    availability?.kind === "note" &&
    shipped.availability?.kind === "note" &&
    availability.note === shipped.availability.note;
  const textIsShipped = words.body !== undefined && resource.body === shipped.body;
  return {
    ...resource,
    ...(words.title !== undefined && resource.title === shipped.title ? { title: words.title } : {}),
    ...(resource.description === shipped.description ? { description: words.description } : {}),
    ...(noteIsShipped ? { availability: { kind: "note", note: words.note } } : {}),
    // A guide's own text is now in this language; a crisis line's languages are the ones it answers in.
    ...(textIsShipped ? { body: words.body, languages: [language] } : {}),
  };
}
