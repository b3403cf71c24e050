/** Roles a staff member can hold within one school. */
export const SCHOOL_ROLES = ['school_admin', 'leadership', 'tso_lead', 'teacher', 'care_team'] as const;
/** A role within one school. */
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

/**
 * School roles that read special-category data about pupils (the care team): granting one needs a second
 * person's approval, and nobody grants a role to themselves.
 */
export const SENSITIVE_SCHOOL_ROLES: readonly SchoolRole[] = ['care_team'];

/** Roles a user can hold for a whole board. */
export const BOARD_ROLES = ['board_admin'] as const;
/** A role for a whole board. */
export type BoardRole = (typeof BOARD_ROLES)[number];

/** Kinds of school a board can run. */
export const SCHOOL_KINDS = ['primary', 'special_primary', 'special', 'secondary', 'special_secondary'] as const;
/** One kind of school. */
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

/** Interface languages; Dutch is the source language. */
export const LOCALES = ['nl', 'en'] as const;
/** One interface language. */
export type Locale = (typeof LOCALES)[number];
