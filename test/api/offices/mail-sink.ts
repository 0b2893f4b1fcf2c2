/** An SMTP server for the specs that check mail (issue #15), and a reader of what nodemailer sends. */
import { SMTPServer } from 'smtp-server';

/** One received mail: envelope, headers and the decoded text of its parts. */
export type Received = { from: string; to: string[]; raw: string };

/** An SMTP server on a free port that keeps what it receives. */
export async function mailSink(): Promise<{ port: number; mails: Received[]; close(): Promise<void> }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Undoes the transfer encodings nodemailer uses (quoted-printable, base64) for UTF-8 text. */
function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

/** RFC 2047 encoded words of a header (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) as text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function headersOf(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/** The subject and the text and HTML parts of a multipart/alternative mail. */
export function parseMail(raw: string): { subject: string; to: string; text: string; html: string } {
  const split = (s: string) => {
    const at = s.search(/\r?\n\r?\n/);
    return [s.slice(0, at), s.slice(at).replace(/^\r?\n\r?\n/, '')];
  };
  const [head, body] = split(raw);
  const headers = headersOf(head);
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts: Record<string, string> = {};
  for (const part of boundary ? body.split(`--${boundary}`) : []) {
    if (!part.trim() || part.startsWith('--')) continue;
    const [ph, pb] = split(part.replace(/^\r?\n/, ''));
    const h = headersOf(ph);
    const type = (h['content-type'] ?? '').split(';')[0].trim();
    parts[type] = decodeBody(pb.replace(/\r?\n$/, ''), h['content-transfer-encoding'] ?? '').replace(/\r\n/g, '\n');
  }
  return { subject: decodeHeader(headers.subject ?? ''), to: headers.to ?? '', text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}
