import { loadCatalogue } from './index';

// Unit tests render pages without the signed-in frame that loads the catalogues: both, up front.
await Promise.all([loadCatalogue('vi'), loadCatalogue('en')]);
