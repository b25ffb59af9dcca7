'use client';

import type { MouseEvent, ReactNode } from 'react';
import { readHeaders } from '@/app/lib/api/client';

/**
 * A link that downloads a backend file. A plain link cannot send the dashboard's key, which reads need when the
 * backend has READ_API_KEY set, so with a key the file is fetched with it and handed to the browser as a download.
 */
export function KeyedDownload({ href, apiKey, filename, testId, children }: { href: string; apiKey: string | null; filename: string; testId?: string; children: ReactNode }) {
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!apiKey) return;
    event.preventDefault();
    const answer = await fetch(href, { headers: { ...readHeaders(apiKey), accept: '*/*' } });
    if (!answer.ok) return;
    const url = URL.createObjectURL(await answer.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <a href={href} download={filename} onClick={download} data-testid={testId}>
      {children}
    </a>
  );
}
