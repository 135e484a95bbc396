/**
 * The tab's one way of downloading a file from /api. A plain link could not carry the token, so the
 * tab fetches the file itself, keeps it as a File (a Blob that also keeps the name the server chose)
 * and hands it to the browser through a short-lived object URL and a temporary link, which the
 * Teams clients let through like any other download.
 */

/** What to call the file and how to type it when the server's headers do not say. */
export interface FileFallback {
  name: string;
  type: string;
}

/** The response's body as a File named by its Content-Disposition and typed by its Content-Type. */
export async function fileOf(response: Response, fallback: FileFallback): Promise<File> {
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? fallback.name;
  return new File([await response.blob()], name, { type: response.headers.get("Content-Type") ?? fallback.type });
}

/** Hands a file the tab fetched itself to the browser's download, under the file's own name. */
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
