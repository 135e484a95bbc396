import { Button, Link, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ResourceContact } from "../../../shared/resources/resource-catalogue.js";
import { useMessages } from "../i18n/use-messages.js";
import { contactActionLabel, contactHref, opensElsewhere } from "./resource-format.js";

type CopyState = { value: string; copied: boolean } | undefined;

/** Copies to the clipboard where the host allows it; Teams frames may not, so the answer says so. */
async function copyText(value: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    return false;
  }
}

/** One action per contact (call, open, chat, email) with a Copy beside it, and where the copy went. */
export function ContactActions({ contacts }: { contacts: readonly ResourceContact[] }) {
  const messages = useMessages();
  const { text, formatMessage } = messages;
  const [copy, setCopy] = useState<CopyState>();
  if (contacts.length === 0) return null;
  return (
    <div style={{ display: "grid", gap: 4 }}>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 4 }}>
        {contacts.map((contact, index) => (
          <li key={index} style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
            <Link
              href={contactHref(contact)}
              data-contact-kind={contact.kind}
              {...(opensElsewhere(contact) ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            >
              {contactActionLabel(messages, contact)}
            </Link>
            <Button
              size="small"
              appearance="subtle"
              aria-label={formatMessage("resourceCopyLabel", { value: contact.value })}
              onClick={() => void copyText(contact.value).then((copied) => setCopy({ value: contact.value, copied }))}
            >
              {text.resourceCopy}
            </Button>
          </li>
        ))}
      </ul>
      <Text role="status" size={200} style={{ userSelect: "text" }}>
        {copy && formatMessage(copy.copied ? "resourceCopied" : "resourceCopyFailed", { value: copy.value })}
      </Text>
    </div>
  );
}
