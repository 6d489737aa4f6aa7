/** Hands the browser a file to save: a link to a blob, clicked, then let go. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name a receipt is saved under: its number, made safe for any file system. */
export const receiptFileName = (number: string, extension: string) =>
  `receipt-${number.replace(/[^A-Za-z0-9_-]/g, '_')}.${extension}`;
