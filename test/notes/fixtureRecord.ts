/**
 * A record of the deployment template's shape with a filled Release Notes section, an unfilled one,
 * items that say nothing, and record text that tries to carry HTML into the notes.
 */
export const NOTES_RECORD = `---
template: deployment
release: "Faster checkout"
version: "3.2.0"
component: "web-shop"
release_type: minor
environment: production
status: deployed
scheduled: "2026-03-09T22:00:00+11:00"
deployed_at: "2026-03-10T09:30:00+11:00"
owner: "Ana Ruiz"
changes:
  - id: "4f1c2ab"
    title: "feat(cart): one-page checkout"
    committed_at: "2026-03-02T10:00:00+11:00"
  - id: "PAY-77"
    title: "Ticket without a commit id"
    committed_at: "2026-03-03T10:00:00+11:00"
---

# Deployment & Release Process Template

## Deployment Execution

**Pre-Deployment**:

- [x] Deployment window confirmed

## Release Notes

### New Features

- One-page checkout with \`Apple Pay\`
- Saved addresses <b onclick="alert(1)">remembered</b>
- {{feature_3}}

### Bug Fixes

- Coupon codes are case-insensitive (SHOP-12)
- See [the docs](javascript:alert(1)) and ![pixel](https://tracker.example/p.png)

### Technical Improvements

- {{technical_improvement_1}}
- {{technical_improvement_2}}

### Breaking Changes

- None

### Known Issues

- Gift cards cannot be combined with coupons
- ~~Slow search~~
<!-- add more issues here -->

## Post-Release Activities

**First 24 hours**:

- [ ] Error rates monitored continuously
`
