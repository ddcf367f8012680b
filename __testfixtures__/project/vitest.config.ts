import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The package root is mocked for every test: a file that needs the real helpers imports them directly.
    setupFiles: ['./test/setup.ts'],
  },
});
