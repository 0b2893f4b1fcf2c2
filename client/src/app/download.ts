import { useCallback, useState } from 'react';
import { requestHeaders } from './apollo';
import { useI18n } from './i18n';
import { notifyError } from './notifier';

/** Saves a blob under `filename` through a temporary link (the browser's own download). */
export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name a response proposes: RFC 5987 `filename*` (Vietnamese intact), else `filename`. */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}

/** A download that failed, with the server's message (already in the user's language) when it sent one. */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Fetches a file the server builds (the /export routes) with the session cookie and the CSRF
 * header the server asks of cookie requests — a plain link cannot send that header — and saves
 * it under the name the server gives.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: requestHeaders(), credentials: 'same-origin' });
  if (!res.ok) {
    let message = res.statusText || String(res.status);
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON (a proxy's page): keep the status text
    }
    throw new DownloadError(message, res.status);
  }
  saveBlob(filenameFrom(res.headers.get('content-disposition')) ?? fallbackName, await res.blob());
}

/** `download(path, name)` for a button: busy while it runs, failures shown as a message. */
export function useDownload(): { busy: boolean; download: (path: string, fallbackName: string) => Promise<void> } {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const download = useCallback(
    async (path: string, fallbackName: string) => {
      setBusy(true);
      try {
        await downloadFile(path, fallbackName);
      } catch (err) {
        const message = err instanceof DownloadError ? err.message : t('error.NETWORK');
        notifyError(t('export.failed', { message }));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, download };
}
