// A class's Groep page (class climate and group phase): the contracts, from the server's own schemas.
export type { AddClimateRatingBody, ClassGroup, ClimateRating, GroupPhaseEntry, SetGroupPhaseBody } from '../../server/features/sociogram/class-group.schemas';
