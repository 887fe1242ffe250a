// PORTAAL_BUILD_DIR lets several builds live side by side (parallel test runs); the default is the usual layout.
const buildDir = process.env.PORTAAL_BUILD_DIR

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverBuildPath: buildDir ? `${buildDir}/index.js` : 'build/index.js',
  assetsBuildDirectory: buildDir ? `${buildDir}/assets` : 'public/build',
  // Every v3 flag the classic compiler knows. v3_routeConfig only exists for the Vite plugin.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
