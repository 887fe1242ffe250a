import type { NavItem } from './page-shell'

export type NavViewer = {
  isPlatformAdmin: boolean
  organisations: { organisationId: string; role: string }[]
  regions: { regionId: string; slug: string; roles: string[] }[]
} | null

/** The main navigation follows the roles of whoever is signed in. */
export function navFor(viewer: NavViewer): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: 'Home' },
    { to: '/inkoopagenda', label: 'Inkoopagenda' },
    { to: '/consultaties', label: 'Consultaties' },
    { to: '/keuzehulp', label: 'Keuzehulp' },
  ]
  if (!viewer) return items
  if (viewer.organisations.length > 0) {
    items.push({ to: '/aanbieder', label: 'Mijn organisatie' })
  } else if (viewer.regions.length === 0 && !viewer.isPlatformAdmin) {
    items.push({ to: '/aanbieder/nieuw', label: 'Organisatie registreren' })
  }
  if (viewer.regions.length > 0) items.push({ to: '/regio', label: 'Mijn regio' })
  if (viewer.isPlatformAdmin) items.push({ to: '/beheer', label: 'Platformbeheer' })
  return items
}
