/**
 * The service worker (vite.pwa.ts: the precached shell), registered in production builds once
 * the page has loaded, so it never competes with the first render on a slow link.
 *
 * A new version's worker takes over at once (skipWaiting, clientsClaim) and drops the old
 * precache; the page still runs the old build, whose lazy chunks may be gone from the server.
 * So the page reloads — never under the user's fingers, which would lose a half-typed form —
 * at its next move to another route (reloadIfUpdated, called by routes.tsx), or when an old
 * chunk fails to load.
 */
let updated = false;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also takes control (clientsClaim): that is no update.
    if (hadController) updated = true;
  });
  window.addEventListener('vite:preloadError', (event) => {
    if (!updated) return;
    event.preventDefault();
    window.location.reload();
  });
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** After a route change: a new version has taken over, so load it (the new URL is already in the address bar). */
export function reloadIfUpdated(): void {
  if (updated) window.location.reload();
}
