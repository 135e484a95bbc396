/**
 * Hands a file the tab fetched itself (with its token) to the browser's download, through a
 * short-lived object URL and a temporary link, since a plain link could not carry the token.
 */
export function saveFile(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started yet; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
