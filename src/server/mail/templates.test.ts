import { describe, expect, it } from 'vitest';
import { invitationMail, passwordResetMail, planDigestMail, selfscanInvitationMail } from './templates';

// Raw line breaks and invisible controls, as a value stored before the API refused them could still hold.
const FORGED = 'Najaar\r\n\r\nUw account verloopt. Log opnieuw in: https://evil.example/\u202Egnp.exe\u2028';
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The lines of a mail that a value could have written: everything but the template's own lines. */
function linesHolding(text: string, marker: string): string[] {
  return text.split('\n').filter((line) => line.includes(marker));
}

describe('mail texts', () => {
  it('keep an interpolated round name, school name or person on one line, without control characters', () => {
    const mails = [
      selfscanInvitationMail('nl', `School ${FORGED}`, FORGED, '2026-11-30', 'https://school.example/zelfscan/1'),
      selfscanInvitationMail('en', `School ${FORGED}`, FORGED, '2026-11-30', 'https://school.example/zelfscan/1'),
      invitationMail('nl', FORGED, `Juf ${FORGED}`, 'https://school.example/uitnodiging#token=x', 7),
      invitationMail('en', FORGED, `Juf ${FORGED}`, 'https://school.example/uitnodiging#token=x', 7),
      passwordResetMail('nl', `https://school.example/wachtwoord#token=x${FORGED}`, 2),
      planDigestMail('nl', {
        name: FORGED,
        overdue: [{ title: FORGED, goal: FORGED, school: FORGED, dueOn: '2026-11-20' }],
        dueSoon: [],
        dueWithinDays: 7,
        myActionsLink: 'https://school.example/mijn-acties',
      }),
    ];
    for (const mail of mails) {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject + mail.text).not.toMatch(CONTROL);
      // The forged "paragraph" stays inside the line of the value that carried it.
      for (const line of linesHolding(mail.text, 'Log opnieuw in')) expect(line).toMatch(/Najaar Uw account verloopt\. Log opnieuw in: https:\/\/evil\.example\/ gnp\.exe/);
      expect(mail.text.split('\n').some((line) => line.startsWith('Uw account verloopt'))).toBe(false);
    }
  });

  it('leave ordinary names and titles as they are', () => {
    const mail = selfscanInvitationMail('nl', 'De Vlinderboom', 'Zelfscan najaar 2026 – "ronde 1"', '2026-11-30', 'https://school.example/zelfscan/1');
    expect(mail.subject).toBe('Zelfscan "Zelfscan najaar 2026 – "ronde 1"" van De Vlinderboom: jouw blik telt');
    expect(mail.text).toContain('https://school.example/zelfscan/1');
  });
});

describe('dates in mails', () => {
  it('are written out in the mail’s language, never as the stored YYYY-MM-DD', () => {
    const nl = selfscanInvitationMail('nl', 'De Vlinderboom', 'Zelfscan najaar', '2026-12-17', 'https://school.example/zelfscan/1');
    expect(nl.text).toContain('tot en met 17 december 2026');
    const en = selfscanInvitationMail('en', 'De Vlinderboom', 'Self-scan autumn', '2026-12-17', 'https://school.example/zelfscan/1');
    expect(en.text).toContain('until 17 December 2026');
    const digest = (locale: 'nl' | 'en') =>
      planDigestMail(locale, {
        name: 'Sanne',
        overdue: [{ title: 'Rustplek inrichten', goal: 'Rust', school: 'De Vlinderboom', dueOn: '2026-12-17' }],
        dueSoon: [],
        dueWithinDays: 7,
        myActionsLink: 'https://school.example/mijn-acties',
      }).text;
    expect(digest('nl')).toContain('Einddatum: donderdag 17 december 2026');
    expect(digest('en')).toContain('Due: Thursday, 17 December 2026');
    for (const mail of [nl.text, en.text, digest('nl'), digest('en')]) expect(mail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
