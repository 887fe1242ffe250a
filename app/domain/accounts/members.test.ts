import { describe, expect, it } from 'vitest'
import { refuseLastAdminChange } from './members'

describe('the last administrator rule', () => {
  it('refuses to remove the last administrator', () => {
    expect(refuseLastAdminChange({ kind: 'remove', targetIsAdmin: true }, 1)).toMatch(/laatste beheerder/)
  })
  it('refuses to demote the last administrator', () => {
    expect(
      refuseLastAdminChange({ kind: 'change-role', targetIsAdmin: true, newRoleIsAdmin: false }, 1),
    ).toMatch(/laatste beheerder/)
  })
  it('allows it when there is another administrator', () => {
    expect(refuseLastAdminChange({ kind: 'remove', targetIsAdmin: true }, 2)).toBeNull()
    expect(
      refuseLastAdminChange({ kind: 'change-role', targetIsAdmin: true, newRoleIsAdmin: false }, 2),
    ).toBeNull()
  })
  it('allows changes to non-administrators and keeping the admin role', () => {
    expect(refuseLastAdminChange({ kind: 'remove', targetIsAdmin: false }, 1)).toBeNull()
    expect(
      refuseLastAdminChange({ kind: 'change-role', targetIsAdmin: true, newRoleIsAdmin: true }, 1),
    ).toBeNull()
  })
})
