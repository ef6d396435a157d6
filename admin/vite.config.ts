// The admin panel: Vite root is admin/, the build goes to admin/dist, which the server serves at `/`.
// `npm run admin:dev` serves the panel with hot reload and proxies /graphql to a server on port 4000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks (they change only when a dependency does); routes and resources are
        // lazy-loaded by the app itself, so each page's own code arrives on first visit.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'react-admin', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: false } },
  },
  preview: { host: '127.0.0.1' },
});
