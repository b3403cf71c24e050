// The staff wellbeing pulse: the contracts, from the server's own schemas.
export type {
  ClosedPulse,
  PulseAnswerBody,
  PulseAnswered,
  PulseFiguresView,
  PulseHelp,
  PulseHelpBody,
  PulseInstrument,
  PulseOverview,
  PulsePeriod,
  PulsePlanBody,
} from '../../server/features/team/pulse.schemas';
