// CommonJS syntax: this package compiles to CommonJS (no "type": "module"), and Vite warns
// about ESM syntax in a config it loads as CommonJS.
import vitestConfig = require('vitest/config');

export = vitestConfig.defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
