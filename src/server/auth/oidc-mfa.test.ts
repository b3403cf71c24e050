import { describe, expect, it } from 'vitest';
import { providerDidMfa } from './oidc-mfa';

describe('the provider did two-step verification', () => {
  it('when amr names a second factor', () => {
    expect(providerDidMfa({ amr: ['pwd', 'mfa'] })).toBe(true);
    expect(providerDidMfa({ amr: ['pwd', 'otp'] })).toBe(true);
    expect(providerDidMfa({ amr: ['hwk'] })).toBe(true);
  });

  it('when acr names multi-factor', () => {
    expect(providerDidMfa({ acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor' })).toBe(true);
    expect(providerDidMfa({ acr: 'urn:example:loa:mfa' })).toBe(true);
  });

  it('not for a password alone, no claims, or claims of the wrong type', () => {
    expect(providerDidMfa({ amr: ['pwd'] })).toBe(false);
    expect(providerDidMfa({})).toBe(false);
    expect(providerDidMfa({ amr: 'mfa', acr: 1 })).toBe(false);
    expect(providerDidMfa({ acr: 'urn:example:loa:1' })).toBe(false);
    expect(providerDidMfa({ acr: 'urn:example:mfacility' })).toBe(false);
  });
});
