import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './pwa/register';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The installable, offline shell: production builds only (a worker caching Vite's dev server would get in the way).
if (import.meta.env.PROD) registerServiceWorker();
