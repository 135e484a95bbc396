import { BUILT_IN_TEMPLATES } from "../../../shared/huddles/built-in-templates.js";
import type { ShippedTemplates, ShippedTemplateWords } from "./shipped-templates.js";

const TALK_PRIVATELY =
  "Wenn Sie etwas belastet, ist der Link „Vertraulich sprechen“ immer für Sie da: Was Sie schreiben, sehen nur Sie und die Ansprechperson, die es übernimmt.";

/**
 * The built-in templates in German, keyed by template and step ids (which never change once
 * shipped). The prompts are read aloud in meetings, so like the English they are written to be spoken.
 */
export const BUILT_IN_TEMPLATES_DE: Readonly<Record<string, ShippedTemplateWords>> = {
  "morning-huddle": {
    name: "Morgenrunde",
    description:
      "Fünf Minuten, um gemeinsam in den Tag zu starten: wie es uns geht, ein Wort von allen, und wer Unterstützung brauchen könnte.",
    steps: {
      pulse: {
        title: "Stimmungsbild",
        prompt:
          "Guten Morgen zusammen. Zum Einstieg tippen Sie bitte an, wie es Ihnen heute geht, von 1 für „ziemlich erschöpft“ bis 5 für „richtig gut“. Das ist anonym, niemand sieht, wer was gewählt hat, und Auslassen ist in Ordnung.",
        facilitatorNotes:
          "Die Verteilung erscheint erst, wenn mindestens 3 Personen geantwortet haben. Lesen Sie sie als Ganzes vor, ohne zu raten, wer was gewählt hat.",
      },
      "one-word": {
        title: "Ein Wort",
        prompt:
          "Wir machen eine Runde. Mit einem Wort: Wie kommen Sie heute an? Die Reihenfolge wird gemischt, und wenn Sie lieber nichts sagen möchten, sagen Sie einfach „weiter“. Das ist völlig in Ordnung.",
      },
      blockers: {
        title: "Hindernisse und Bitten",
        prompt:
          "Hält Sie heute etwas auf? Braucht jemand Unterstützung, oder hat jemand etwas Zeit, um zu helfen? Fassen Sie sich hier kurz, und stimmen Sie die Einzelheiten danach zu zweit ab.",
      },
      close: {
        title: "Abschluss",
        prompt: `Danke an alle. ${TALK_PRIVATELY} Im Tab „Hilfsangebote“ finden Sie außerdem Beratungsangebote und Leitfäden. Einen guten Tag!`,
      },
    },
  },
  debrief: {
    name: "Nachbesprechung nach einem belastenden Ereignis",
    description:
      "Etwa eine halbe Stunde, um gemeinsam und ohne Schuldzuweisung auf ein schweres oder intensives Ereignis zurückzublicken und zu sehen, was die Einzelnen brauchen.",
    steps: {
      "ground-rules": {
        title: "Grundregeln",
        prompt:
          "Danke, dass Sie da sind. Drei Dinge vorweg. Was hier gesagt wird, bleibt vertraulich: Wir nehmen mit, was wir gelernt haben, nicht, wer was gesagt hat. Es geht nicht um Schuld: Wir achten aufeinander und suchen keine Fehler. Und Aussetzen ist immer in Ordnung: Jede Frage ist eine Einladung, und Sie können sich jederzeit zurückziehen, wenn Sie das brauchen.",
        facilitatorNotes:
          "Fragen Sie, ob jemand eine Vereinbarung ergänzen möchte. Stellen Sie sicher, dass alle wissen, dass sie gehen und wiederkommen können.",
      },
      "what-happened": {
        title: "Was passiert ist",
        prompt:
          "Setzen wir zusammen, was passiert ist, aus der Sicht von jeder und jedem Einzelnen. Erzählen Sie, was Sie gesehen und getan haben, nur so viel, wie Ihnen angenehm ist. Sie können aussetzen.",
        facilitatorNotes:
          "Bleiben Sie bei den Fakten und beim eigenen Anteil jeder Person. Lenken Sie behutsam weg von Urteilen über die Entscheidungen anderer.",
      },
      reactions: {
        title: "Reaktionen",
        prompt:
          "Wie hat es sich in dem Moment angefühlt, und wie geht es Ihnen jetzt? Es gibt keine richtigen oder falschen Reaktionen. Sagen Sie so viel oder so wenig, wie Sie möchten, oder setzen Sie aus.",
      },
      "went-well": {
        title: "Was gut lief",
        prompt:
          "Was lief gut? Denken Sie an etwas, das Sie oder jemand anderes getan hat und das einen Unterschied gemacht hat, auch wenn es klein war.",
      },
      "was-hard": {
        title: "Was schwer war",
        prompt:
          "Was war schwer, oder beschäftigt Sie noch? Wir sprechen es aus, damit wir es gemeinsam tragen können, nicht, um auf jemanden zu zeigen.",
      },
      "what-we-need": {
        title: "Was wir brauchen",
        prompt:
          "Was würde jetzt helfen, in dieser Woche oder beim nächsten Mal? Vielleicht etwas freie Zeit, ein Gespräch, eine Änderung in unserer Arbeitsweise oder einfach ein gemeinsamer Kaffee.",
        facilitatorNotes:
          "Notieren Sie die Bitten für das Team, nicht, wer sie geäußert hat, und vereinbaren Sie, wer sich um jede kümmert.",
      },
      close: {
        title: "Hilfsangebote und Abschluss",
        prompt: `Danke fürs Erzählen und fürs Zuhören. Starke Gefühle nach einem Tag wie diesem sind häufig, und sie können auch später noch kommen. ${TALK_PRIVATELY} Im Tab „Hilfsangebote“ finden Sie die Mitarbeiterberatung (EAP), Beratungstelefone und Leitfäden, und die Notfallkontakte sind immer nur einen Klick entfernt. Bitte achten Sie aufeinander.`,
      },
    },
  },
  "weekly-circle": {
    name: "Wöchentlicher Gesprächskreis",
    description:
      "Fünfundvierzig Minuten mit Ihrem Kreis: ein Check-in, ein Stimmungsbild, Zeit für das, was Sie beschäftigt, und Bitten und Angebote zur Unterstützung.",
    steps: {
      welcome: {
        title: "Willkommen",
        prompt:
          "Willkommen zusammen. Kurz zur Erinnerung, wie wir es halten: Was in diesem Kreis geteilt wird, bleibt in diesem Kreis; wir hören zu, statt Lösungen anzubieten, außer jemand bittet darum; und Aussetzen ist immer in Ordnung.",
      },
      "check-in": {
        title: "Check-in",
        prompt:
          "Wir machen eine Runde. Wie war Ihre Woche, und was bringen Sie heute mit? Die Reihenfolge wird gemischt, und Sie können gern aussetzen.",
      },
      pulse: {
        title: "Stimmungsbild",
        prompt:
          "Tippen Sie an, wie es Ihnen diese Woche geht, von 1 für „ziemlich erschöpft“ bis 5 für „richtig gut“. Das ist anonym, und Auslassen ist in Ordnung.",
      },
      "on-your-mind": {
        title: "Was Sie beschäftigt",
        prompt:
          "Was beschäftigt Sie diese Woche? Vielleicht etwas aus dem Check-in, auf das Sie zurückkommen möchten, ein Thema, das jemand vorgeschlagen hat, oder etwas Neues. Nehmen Sie sich Zeit, und lassen wir auch den leiseren Stimmen Raum.",
        facilitatorNotes:
          "Wenn die Gruppe still ist, schlagen Sie ein Thema vor, etwa Grenzen, Anerkennung oder Veränderungen bei der Arbeit. Stille ist auch in Ordnung.",
      },
      "asks-and-offers": {
        title: "Bitten und Angebote",
        prompt:
          "Gibt es etwas, wobei Sie sich Unterstützung wünschen, aus diesem Kreis oder darüber hinaus? Und gibt es etwas, das Sie jemand anderem anbieten könnten?",
      },
      close: {
        title: "Abschluss",
        prompt: `Zum Abschluss ein Wort oder ein Satz: etwas, das Sie heute mitnehmen. ${TALK_PRIVATELY} Im Tab „Hilfsangebote“ finden Sie weitere Unterstützung. Bis zum nächsten Mal.`,
      },
    },
  },
  "buddy-check-in": {
    name: "Buddy-Check-in",
    description:
      "Fünfzehn Minuten, in denen sich neue Kolleg:innen mit ihrem Buddy austauschen: was gut läuft, was schwierig ist und was helfen würde.",
    steps: {
      "how-are-you": {
        title: "Wie geht es Ihnen?",
        prompt:
          "Beginnen Sie damit, wie es Ihnen beiden geht, als Menschen und nicht nur als Kolleg:innen. Wie war Ihre Woche? Es darf ruhig locker bleiben.",
      },
      "going-well": {
        title: "Was gut läuft",
        prompt:
          "Was lief gut seit Ihrem letzten Gespräch? Etwas, das Sie gelernt haben, jemand, der geholfen hat, oder ein kleiner Erfolg.",
      },
      tricky: {
        title: "Was schwierig war",
        prompt:
          "Was war schwierig oder verwirrend? Keine Frage ist zu klein, und niemand erwartet, dass Sie schon alles durchschaut haben. Wenn heute nicht der Tag dafür ist, ist das auch in Ordnung.",
      },
      asks: {
        title: "Fragen und Bitten",
        prompt:
          "Gibt es etwas, wobei Sie Hilfe möchten, oder jemanden, den Sie gern kennenlernen würden? Und an den Buddy: Worauf könnten Sie diese Woche hinweisen, oder wobei könnten Sie helfen?",
      },
      close: {
        title: "Abschluss",
        prompt: `Vereinbaren Sie, wann Sie das nächste Mal sprechen. ${TALK_PRIVATELY} Im Tab „Hilfsangebote“ finden Sie außerdem Leitfäden und Beratungstelefone.`,
      },
    },
  },
};

/** The German words with the English they translate: fetched with the German catalogue only. */
export const SHIPPED_TEMPLATES_DE: ShippedTemplates = { words: BUILT_IN_TEMPLATES_DE, originals: BUILT_IN_TEMPLATES };
