/**
 * A deployed record of the deployment template: 6 of 10 counted items done; before `verified`,
 * one item overdue (During Deployment, gated at deployed) and two due (Post-Deployment, Health
 * Checks); one of two sign-offs given; one timeline row and one failing issue.
 */
export const SHOW_RECORD = `---
template: deployment
release: "Faster checkout"
version: "3.2.0"
component: "web-shop"
environment: production
status: deployed
scheduled: "2026-03-10T09:00:00+11:00"
owner: "Ana Ruiz"
---

# Faster checkout

## Pre-Deployment Planning

**Code & Testing**:

- [x] All automated tests passing
- [x] Code review completed and approved

## Deployment Execution

**Pre-Deployment**:

- [x] Deployment window confirmed

**During Deployment**:

- [x] Deploy started
- [ ] Smoke tests passed in production after the switch of traffic to the new version of the checkout service

**Post-Deployment**:

- [ ] Monitoring dashboards reviewed

### Deployment Timeline

| Phase | Start Time | End Time | Duration | Status | Notes |
|-------|------------|----------|----------|--------|-------|
| Application deployment | 09:00 | 09:30 | 30m | done | |

## Post-Deployment Validation

**Health Checks**:

- [x] All services responding
- [ ] Error rates within limits

**Stakeholder Sign-off**:

- [x] Product Owner: Ana Ruiz
- [ ] QA Lead: TBD

## Incident Response

### Issues Encountered

| Time | Issue | Severity | Impact | Resolution | Duration |
|------|-------|----------|--------|------------|----------|
| 09:40 | Checkout slow | High | EU | Scaled out | 15m |
`
