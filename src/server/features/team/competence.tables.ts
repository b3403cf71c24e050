// The competence profile (issue 17): the profiles a school can use (shipped ones with school_id null, and the
// school's own imports, versioned like development models), a staff member's dated self-assessments with a step per
// indicator, and with whom they share them. A self-assessment is private: only its owner, a named colleague or the
// school's leadership it was shared with read it. Goals and evidence are field-encrypted (ENCRYPTED_COLUMNS); an
// empty text is stored as '' (nothing to protect).

/** A competence profile version: a shipped one (school_id null) or a school's own import. */
export interface TeamCompetenceProfilesTable {
  id: string;
  school_id: string | null;
  profile_key: string;
  version: string;
  /** The validated profile definition as JSON text. */
  definition: string;
  created_by: string | null;
  created_at: string;
}

/** One self-assessment of a staff member on one profile version: a draft until completed, then kept, dated. */
export interface TeamCompetenceAssessmentsTable {
  id: string;
  school_id: string;
  user_id: string;
  profile_id: string;
  /** The personal goals set with it (may be ''), field-encrypted when not empty. */
  goals_encrypted: string;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  /** The school date it was completed on (decides its school-year half); null while it is a draft. */
  completed_on: string | null;
}

/** The step a staff member chose on one indicator (1–4, 0 = not yet applicable) and their evidence. */
export interface TeamCompetenceRatingsTable {
  assessment_id: string;
  indicator_id: string;
  step: number;
  /** Evidence noted with the step (may be ''), field-encrypted when not empty. */
  evidence_encrypted: string;
}

/** A staff member's self-assessments shared read-only with a named colleague or with the school's leadership. */
export interface TeamCompetenceSharesTable {
  id: string;
  school_id: string;
  owner_user_id: string;
  /** 'colleague' (grantee_user_id set) or 'leadership' (grantee_user_id null). */
  audience: string;
  grantee_user_id: string | null;
  created_at: string;
}
