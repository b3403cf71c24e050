// The staff pages of the team area (issue 17), in one place so links and routes agree.

/** The team area: the way into onboarding, the competence profile, the pulse, the journal and intervision. */
export function teamPath(schoolId: string): string {
  return `/scholen/${schoolId}/team`;
}

/** Onboarding: the collected guide, the newcomer's ramp with their buddy, the chef-buddies' pairs. */
export function onboardingPath(schoolId: string): string {
  return `${teamPath(schoolId)}/inwerken`;
}

/** The caller's own competence profile (self-assessment), and what colleagues shared with them. */
export function competencePath(schoolId: string): string {
  return `${teamPath(schoolId)}/competenties`;
}

/** The staff wellbeing pulse: answering it, its trend under the k rule, where to find help. */
export function pulsePath(schoolId: string): string {
  return `${teamPath(schoolId)}/welzijn`;
}

/** The caller's private reflection journal. */
export function journalPath(schoolId: string): string {
  return `${teamPath(schoolId)}/reflectie`;
}

/** The intervision and supervision log. */
export function intervisionPath(schoolId: string): string {
  return `${teamPath(schoolId)}/intervisie`;
}
