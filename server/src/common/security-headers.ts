import type express from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy the SPA and the self-hosted GraphiQL live with (issue #11, class 6).
 * Scripts come only from our own files (the built index.html has no inline script: Vite 8 puts
 * its module-preload code in the entry chunk; test/browser/security.spec.ts checks it); GraphiQL's
 * Monaco editor runs its language services in workers built as files of /assets (worker-src
 * 'self', no blob:) and inlines its icon font as a data: URL.
 *
 * Styles: antd 6 (CSS-in-JS) and Monaco inject <style> elements at run time. antd could take a
 * nonce (ConfigProvider `csp`), but Monaco and GraphiQL cannot, and a nonce would mean
 * rewriting index.html per request; so 'unsafe-inline' is allowed for styles only. Injected CSS
 * cannot run code, and scripts stay strict, which is what stops script injection.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'], // Monaco's codicon font is inlined as a data: URL
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
} as const;

/**
 * helmet on every response: the CSP above, X-Frame-Options DENY (old browsers' frame-ancestors),
 * nosniff, Referrer-Policy no-referrer, and helmet's cross-origin isolation defaults.
 * No `upgrade-insecure-requests` and no HSTS on plain HTTP: a server reached as
 * http://localhost or on an office LAN must keep working; HSTS is sent only when the request
 * came over TLS (`req.secure`, which honours `trust proxy` behind a TLS proxy).
 */
export function securityHeaders(): express.RequestHandler[] {
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: true });
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ];
}
