import { Form, NavLink } from '@remix-run/react'
import {
  Button,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
  Alert,
} from '@utrecht/component-library-react'
import type { ReactNode } from 'react'

export type NavItem = { to: string; label: string }
export type ShellUser = { name: string; email: string } | null

export function PageShell(props: {
  user: ShellUser
  nav: NavItem[]
  flash?: string | null
  children: ReactNode
}) {
  return (
    <>
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <Page>
        <PageHeader>
          <div className="portaal-header">
            <a href="/" className="portaal-logo">
              Aanbiederspoort
            </a>
            {props.user ? (
              <div className="portaal-account">
                <span>
                  Ingelogd als <strong>{props.user.name}</strong>
                </span>{' '}
                <NavLink to="/account">Mijn account</NavLink>{' '}
                <Form method="post" action="/uitloggen" className="portaal-inline-form">
                  <Button type="submit" appearance="subtle-button">
                    Uitloggen
                  </Button>
                </Form>
              </div>
            ) : (
              <div className="portaal-account">
                <NavLink to="/inloggen">Inloggen</NavLink>{' '}
                <NavLink to="/registreren">Account aanmaken</NavLink>
              </div>
            )}
          </div>
          <nav aria-label="Hoofdmenu" className="portaal-nav">
            <ul>
              {props.nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </PageHeader>
        <PageContent>
          <main id="inhoud" tabIndex={-1}>
            {props.flash ? (
              <Alert type="ok" role="status">
                <Paragraph>{props.flash}</Paragraph>
              </Alert>
            ) : null}
            {props.children}
          </main>
        </PageContent>
        <PageFooter>
          <nav aria-label="Over dit portaal" className="portaal-footer">
            <ul>
              <li>
                <a href="/toegankelijkheid">Toegankelijkheidsverklaring</a>
              </li>
              <li>
                <a href="/privacy">Privacy</a>
              </li>
              <li>
                <a href="/keuzehulp">Keuzehulp voor inwoners</a>
              </li>
            </ul>
          </nav>
        </PageFooter>
      </Page>
    </>
  )
}
