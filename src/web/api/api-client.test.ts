import { describe, expect, it } from 'vitest';
import { ApiError, apiPath } from './api-client';

describe('apiPath', () => {
  it('fills in and encodes path parameters', () => {
    expect(apiPath('/api/schools/:schoolId/staff/:userId/roles', { schoolId: 'a b', userId: 'c/d' })).toBe('/api/schools/a%20b/staff/c%2Fd/roles');
  });

  it('adds query parameters and leaves empty ones out', () => {
    expect(apiPath('/api/schools/:schoolId/pupils', { schoolId: 's1' }, { schoolYear: '2026-2027', classId: undefined })).toBe(
      '/api/schools/s1/pupils?schoolYear=2026-2027',
    );
    expect(apiPath('/api/setup')).toBe('/api/setup');
  });
});

describe('ApiError', () => {
  it('names refused fields without the body. prefix the server puts on them', () => {
    const error = new ApiError(400, 'validation_failed', 'Niet goed', { 'body.email': ['Invalid email'], 'body.classIds.1': ['Invalid uuid'] });
    expect(error.fieldNames).toEqual(['email', 'classIds.1']);
    expect(error.message).toBe('Niet goed');
  });
});
