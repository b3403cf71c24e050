import { randomBytes, randomUUID } from 'node:crypto';
import type { RegisteredRoute } from '../../src/server/http/auth-hooks';

/** The record-id path parameters routes use. */
export type RecordParam =
  | 'locationId'
  | 'classId'
  | 'userId'
  | 'roundId'
  | 'modelId'
  | 'pupilId'
  | 'closedDaysId'
  | 'momentId'
  | 'goalId'
  | 'actionId'
  | 'trainingId'
  | 'invitationId'
  | 'grantId'
  | 'kioskId'
  | 'importId'
  | 'waveId'
  | 'studyId'
  | 'trustedAdultId'
  | 'conversationId'
  | 'referralId'
  | 'caseId'
  | 'ratingId'
  | 'sociogramId'
  | 'questionId'
  | 'routineId'
  | 'activityId'
  | 'givenId'
  | 'organisationId'
  | 'contactId'
  | 'agreementId'
  | 'parentId'
  | 'questionnaireId'
  | 'pairId'
  | 'sectionId'
  | 'itemId'
  | 'pulseId'
  | 'entryId'
  | 'assessmentId'
  | 'shareId'
  | 'ownerUserId'
  | 'sessionId'
  | 'requestId';

/**
 * Fills a route's path parameters for a target board/school. Record ids are random on purpose: the
 * route's policy is decided before the record is looked up, and a random id touches nothing. `recordIds` puts real records in instead.
 */
export function urlFor(
  route: RegisteredRoute,
  target: { boardId: string; schoolId: string },
  recordIds: Partial<Record<RecordParam, string>> = {},
): string {
  return route.url
    .replace(':boardId', target.boardId)
    .replace(':schoolId', target.schoolId)
    .replace(/:(locationId|classId|userId|roundId|modelId|pupilId|closedDaysId|momentId|goalId|actionId|trainingId|invitationId|grantId|kioskId|importId|waveId|studyId|trustedAdultId|conversationId|referralId|caseId|ratingId|sociogramId|questionId|routineId|activityId|givenId|organisationId|contactId|agreementId|parentId|questionnaireId|requestId|pulseId|entryId|pairId|sectionId|itemId|assessmentId|shareId|ownerUserId|sessionId)/g, (_, name: RecordParam) => recordIds[name] ?? randomUUID())
    .replace(':token', randomBytes(32).toString('base64url'))
    .replace(':aspectId', 'layer-1.motivation')
    .replace(':instrumentId', route.url.includes('/screening-wordings/') ? 'cries-8' : 'teacher-competence')
    .replace(':schoolYear', '2027-2028')
    .replace(':version', '1')
    .replace(':categoryId', 'eigen-online-gepest')
    .replace(':step', '1')
    .replace(':lessonId', 'stress-in-your-body')
    .replace(':code', 'ar')
    .replace('*', 'x');
}
