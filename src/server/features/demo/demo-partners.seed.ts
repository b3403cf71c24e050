import { addDays } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { Deps } from '../../deps';
import { addAgreement, addContact, addOrganisation } from '../partners/partners.service';
import { DEMO_TRAININGS } from './demo-school-year.data';

// De Vlinderboom's partners register (issue 16): Veilig Thuis with a fixed contact person, the municipality's
// neighbourhood team as a key partner with a fixed contact and an agreement — named as in the partner day of the
// training register, so its training shows —, a youth care organisation without a fixed contact yet, and the TSO
// trainer. Every person is made up; 0800-2000 is Veilig Thuis's real national number. Through the services, as the
// care team keeps it. Notes and agreement texts are encrypted: without the key they are left empty.

/** What the seed needs: the services at a moment, the demo's callers, and today. */
export interface DemoPartnersContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  today: string;
  schoolId: string;
}

/** The neighbourhood team's name: the one the demo's partner day names. */
const NEIGHBOURHOOD_TEAM = DEMO_TRAININGS.find((training) => training.kind === 'partner_day')?.partners[0] ?? 'Jeugdteam Voorbeeldstad';

/** Seeds the register; returns how many organisations it holds. */
export async function seedDemoPartners(context: DemoPartnersContext): Promise<number> {
  const { on, callerOf, today, schoolId } = context;
  const careTeam = await callerOf('careTeam');
  const deps = on(-60);
  const withKey = (text: string) => (deps.fieldCrypto.available ? text : '');

  const veiligThuis = await addOrganisation(deps, careTeam, schoolId, {
    name: 'Veilig Thuis Voorbeeldregio',
    kind: 'veilig_thuis',
    isKeyPartner: true,
    notes: withKey('Voor advies bij een vermoeden van huiselijk geweld of kindermishandeling, ook als we nog twijfelen. Eerst overleggen met de aandachtsfunctionaris.'),
  });
  await addContact(deps, careTeam, schoolId, veiligThuis.id, { name: 'Els Veenstra', role: 'Vaste contactpersoon voor scholen', email: null, phone: '0800-2000', isFixedContact: true });

  const neighbourhoodTeam = await addOrganisation(deps, careTeam, schoolId, {
    name: NEIGHBOURHOOD_TEAM,
    kind: 'neighbourhood_team',
    isKeyPartner: true,
    notes: withKey('Het wijkteam van de gemeente: opvoedvragen, steun thuis en de weg naar jeugdhulp.'),
  });
  await addContact(deps, careTeam, schoolId, neighbourhoodTeam.id, { name: 'Bram Kuipers', role: 'Wijkcoach jeugd en gezin', email: 'b.kuipers@jeugdteam.voorbeeld.test', phone: null, isFixedContact: true });
  await addAgreement(deps, careTeam, schoolId, neighbourhoodTeam.id, {
    title: 'Maandelijks samen aan tafel in het zorgoverleg',
    agreedOn: addDays(today, -60),
    reviewOn: addDays(today, 300),
    text: withKey('De wijkcoach schuift elke eerste dinsdag van de maand aan bij het zorgoverleg. Ouders horen vooraf dat hun kind besproken wordt en wie erbij zijn.'),
  });

  const youthCare = await addOrganisation(deps, careTeam, schoolId, { name: 'Jeugdhulp De Linde', kind: 'youth_care', isKeyPartner: true, notes: '' });
  await addContact(deps, careTeam, schoolId, youthCare.id, { name: 'Anouk Smeets', role: 'Gedragswetenschapper', email: 'a.smeets@delinde.voorbeeld.test', phone: null, isFixedContact: false });

  const trainer = await addOrganisation(deps, careTeam, schoolId, { name: 'Trainingsbureau Veerkracht', kind: 'tso_trainer', isKeyPartner: false, notes: '' });
  await addContact(deps, careTeam, schoolId, trainer.id, { name: 'Pieter Hoogland', role: 'Trainer traumasensitief onderwijs', email: 'pieter@veerkracht.voorbeeld.test', phone: null, isFixedContact: true });
  return 4;
}
