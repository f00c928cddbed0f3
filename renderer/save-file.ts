/** Hands a file made in the page to the person: the browser downloads it, the desktop app asks where to save it. */
export function saveFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // why later: revoking at once can cancel the download before the browser has read the blob
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
