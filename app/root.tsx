import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useMatches,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import utrechtCss from '@utrecht/component-library-css/dist/index.css'
import themeCss from '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'
import appCss from './styles/app.css'
import { PageShell } from './components/page-shell'
import { navFor } from './components/nav'
import { ErrorPage } from './components/error-page'
import { useNonce } from './utils/nonce'
import { getViewer } from './domain/accounts/permissions.server'
import { readFlash } from './utils/session.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: utrechtCss },
  { rel: 'stylesheet', href: themeCss },
  { rel: 'stylesheet', href: appCss },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'Aanbiederspoort' },
  {
    name: 'description',
    content: 'Het portaal waar zorgaanbieders en gemeenten samenwerken aan de inkoop van zorg.',
  },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request)
  const flash = await readFlash(request)
  return data(
    {
      user: viewer ? { name: viewer.user.name, email: viewer.user.email } : null,
      navViewer: viewer
        ? {
            isPlatformAdmin: viewer.user.isPlatformAdmin,
            organisations: viewer.organisations.map((o) => ({
              organisationId: o.organisationId,
              role: o.role,
            })),
            regions: viewer.regions.map((r) => ({ regionId: r.regionId, slug: r.slug, roles: r.roles })),
          }
        : null,
      flash: flash.message,
    },
    flash.setCookie ? { headers: { 'Set-Cookie': flash.setCookie } } : undefined,
  )
}

/**
 * What a route may put in its `handle`. `hydrate: false`: never load the React runtime; `'signedIn'`: only for a
 * signed-in user (whose forms on the page use it), not for the public, who get plain HTML and working plain forms.
 */
export type PageHandle = { hydrate?: boolean | 'signedIn'; scripts?: string[] }

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const rootData = useRouteLoaderData<typeof loader>('root')
  // Public pages can opt out of the React runtime (`handle = { hydrate: false | 'signedIn', scripts }`): they work
  // as plain HTML forms and ship only their own small scripts, which keeps them far below 60 KB of JavaScript. The
  // runtime alone (React DOM and Remix) is about 80 KB gzipped.
  const handles = useMatches().map((m) => m.handle as PageHandle | undefined)
  const signedIn = Boolean(rootData?.user)
  const hydrate = !handles.some((h) => h?.hydrate === false || (h?.hydrate === 'signedIn' && !signedIn))
  const pageScripts = handles.flatMap((h) => h?.scripts ?? [])
  return (
    <html lang="nl" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="voorbeeld-theme utrecht-document utrecht-document--surface">
        <PageShell
          user={rootData?.user ?? null}
          nav={navFor(rootData?.navViewer ?? null)}
          flash={rootData?.flash}
        >
          {children}
        </PageShell>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          pageScripts.map((src) => <script key={src} src={src} nonce={nonce} defer />)
        )}
        {/* Only renders in `npm run dev`: reloads the browser after a rebuild. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  return <ErrorPage status={status} />
}
