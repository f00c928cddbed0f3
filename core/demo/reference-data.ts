/** The municipality as demo reference data: the 7 administrations, units, the warehouse, sites, people. */
import type { Department, Location, Unit, User } from '../../shared/schemas';

export const DEPARTMENTS: Department[] = [
  { id: 'dep-okf', code: 'ØKF', name: 'Økonomiforvaltningen', nameEn: 'Finance Administration' },
  { id: 'dep-buf', code: 'BUF', name: 'Børne- og Ungdomsforvaltningen', nameEn: 'Children and Youth Administration' },
  { id: 'dep-suf', code: 'SUF', name: 'Sundheds- og Omsorgsforvaltningen', nameEn: 'Health and Care Administration' },
  { id: 'dep-sof', code: 'SOF', name: 'Socialforvaltningen', nameEn: 'Social Services Administration' },
  { id: 'dep-kff', code: 'KFF', name: 'Kultur- og Fritidsforvaltningen', nameEn: 'Culture and Leisure Administration' },
  { id: 'dep-tmf', code: 'TMF', name: 'Teknik- og Miljøforvaltningen', nameEn: 'Technical and Environmental Administration' },
  { id: 'dep-bif', code: 'BIF', name: 'Beskæftigelses- og Integrationsforvaltningen', nameEn: 'Employment and Integration Administration' },
];

const UNIT_NAMES: Record<string, string[]> = {
  'dep-okf': ['Koncern IT', 'Koncernservice', 'Byens Udvikling'],
  'dep-buf': ['Skoler og Fritid', 'Dagtilbud', 'Sundhed og Trivsel'],
  'dep-suf': ['Plejehjem', 'Hjemmepleje', 'Forebyggelse og Sundhed'],
  'dep-sof': ['Børne- og Familieområdet', 'Socialpsykiatri', 'Borgercentre'],
  'dep-kff': ['Biblioteker', 'Kulturhuse', 'Idrætsanlæg'],
  'dep-tmf': ['Byens Drift', 'Miljøpunkt', 'Byggeri og Parkering'],
  'dep-bif': ['Jobcentre', 'Integration', 'Ungeindsats'],
};

export const UNITS: Unit[] = DEPARTMENTS.flatMap((d) =>
  (UNIT_NAMES[d.id] ?? []).map((name, i) => ({ id: `${d.id}-unit-${i + 1}`, departmentId: d.id, name })),
);

const SITES: Record<string, string[]> = {
  'dep-okf': ['Københavns Rådhus, Rådhuspladsen 1'],
  'dep-buf': ['BUF, Gyldenløvesgade 15', 'Valby Skole, Vigerslevvej 1'],
  'dep-suf': ['SUF, Ottiliavej 9', 'Plejecenter Sølund, Ryesgade 31'],
  'dep-sof': ['SOF, Bernstorffsgade 17'],
  'dep-kff': ['KFF, Islands Brygge 37', 'Hovedbiblioteket, Krystalgade 15'],
  'dep-tmf': ['TMF, Njalsgade 13'],
  'dep-bif': ['BIF, Bernstorffsgade 17', 'Jobcenter Nørrebro, Mjølnerparken 4'],
};

export const WAREHOUSE_ID = 'loc-warehouse';

export const LOCATIONS: Location[] = [
  { id: WAREHOUSE_ID, kind: 'warehouse', name: 'Centrallager IT, Sydhavnen', address: 'Borgmester Christiansens Gade 50' },
  ...['A', 'B', 'C', 'D'].flatMap((row) =>
    [1, 2, 3, 4, 5, 6].map(
      (n): Location => ({
        id: `loc-shelf-${row}${n}`,
        kind: 'shelf',
        name: `Hylde ${row}-${String(n).padStart(2, '0')}`,
        parentId: WAREHOUSE_ID,
      }),
    ),
  ),
  ...DEPARTMENTS.flatMap((d) =>
    (SITES[d.id] ?? []).map(
      (name, i): Location => ({ id: `${d.id}-site-${i + 1}`, kind: 'site', name, departmentId: d.id }),
    ),
  ),
];

const FIRST = ['Mette', 'Lars', 'Sofie', 'Jens', 'Anne', 'Mikkel', 'Camilla', 'Rasmus', 'Louise', 'Peter', 'Ida', 'Søren', 'Freja', 'Thomas', 'Maja', 'Henrik'];
const LAST = ['Hansen', 'Nielsen', 'Jensen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen'];

function person(i: number): { name: string; email: string } {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7) % LAST.length]!;
  const email = `${first}.${last}`.toLowerCase().replace(/ø/g, 'oe').replace(/æ/g, 'ae').replace(/å/g, 'aa');
  return { name: `${first} ${last}`, email: `${email}${i}@kk.dk` };
}

/** Users: two IT contacts per administration; warehouse, sustainability and admin people in Koncern IT. */
export const USERS: User[] = (() => {
  const users: User[] = [];
  let i = 0;
  for (const d of DEPARTMENTS) {
    for (const n of [1, 2]) {
      users.push({
        id: `user-${d.id.slice(4)}-${n}`,
        ...person(i++),
        role: 'department_contact',
        departmentId: d.id,
        unitId: `${d.id}-unit-${n}`,
      });
    }
  }
  const central = (id: string, role: User['role']): User => ({ id, ...person(i++), role, departmentId: 'dep-okf', unitId: 'dep-okf-unit-1' });
  users.push(central('user-warehouse-1', 'warehouse'), central('user-warehouse-2', 'warehouse'), central('user-warehouse-3', 'warehouse'));
  users.push({ ...central('user-sustainability-1', 'sustainability'), departmentId: 'dep-tmf', unitId: 'dep-tmf-unit-2' });
  users.push(central('user-sustainability-2', 'sustainability'));
  users.push(central('user-admin-1', 'admin'));
  return users;
})();
