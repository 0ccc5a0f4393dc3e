/** Value lists of a case, aligned with HTCDS where it has one (domain §5, §6). Labels live in the web's i18n files. */

export const CASE_TYPES = [
  'tppo',
  'potential_tppo',
  'pmi_deportee',
  'pmi_deceased',
  'pmi_other',
  'other_violence',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const INTAKE_CHANNELS = [
  'walk_in',
  'hotline',
  'letter_email',
  'outreach',
  'police',
  'referral',
  'deportation_handover',
  'social_media',
  'other',
] as const;

export const REPORTING_PARTIES = ['victim', 'family', 'community', 'agency'] as const;
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** HTCDS MethodOfRecruitment */
export const RECRUITMENT_METHODS = [
  'Abduction',
  'EducationalFacility',
  'Familial',
  'Internet',
  'InternationalMarriageBroker',
  'IntimatePartnerOrMarriageProposition',
  'JobOffer',
  'PosingAsBenefactor',
  'PublicArea',
  'OfferOfAccommodation',
  'Shelter',
  'Smuggling',
  'Work',
  'Other',
  'Unknown',
] as const;

/** HTCDS RecruitmentWebsitesAndApps */
export const RECRUITMENT_PLATFORMS = [
  'Facebook',
  'Instagram',
  'WhatsApp',
  'Telegram',
  'FacebookMessenger',
  'Viber',
  'SnapChat',
  'Line',
  '4Sale',
  'WeChat',
  'QQ',
  'QZone',
  'TikTok',
  'Twitter',
  'Other',
] as const;

/** CTDC recruiter relation */
export const RECRUITER_RELATIONS = ['IntimatePartner', 'Friend', 'Family', 'Other', 'Unknown'] as const;

/** HTCDS MethodsOfControl */
export const METHODS_OF_CONTROL = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
  'WithholdsDocuments',
  'Other',
] as const;

/** Exploitation types (UU 21/2007 purposes, CTDC flags) */
export const EXPLOITATION_TYPES = [
  'forced_labour',
  'sexual_exploitation',
  'forced_marriage',
  'slavery_and_practices',
  'organ_removal',
  'forced_begging',
  'forced_criminality',
  'other',
] as const;

/** HTCDS TypeOfLabourExploitation */
export const LABOUR_SECTORS = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
] as const;

export const TRAFFICKING_EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;
export const PASSPORT_KINDS = [
  'worker_passport',
  'visit_passport',
  'border_pass',
  'none',
  'unknown',
] as const;
export const DEPARTURE_KINDS = ['procedural', 'non_procedural', 'unknown'] as const;

/** Deportee intake (Nunukan) */
export const DEPORTEE_DEPOTS = ['Papar', 'Sandakan', 'Kota Kinabalu', 'Tawau', 'other'] as const;
export const DEPORTATION_REASONS = [
  'no_passport',
  'illegal_entry',
  'overstay',
  'born_undocumented',
  'drugs',
  'crime',
  'other',
] as const;
export const DEPORTEE_WISHES = ['go_home', 'stay', 'return_to_malaysia'] as const;

/** BP2MI complaint categories */
export const BP2MI_COMPLAINT_CATEGORIES = [
  'wants_repatriation',
  'unpaid_wages',
  'deported',
  'failed_departure',
  'died',
  'job_fraud',
  'sick',
  'social_security',
  'pregnant_or_child',
  'trafficking',
  'placement_fees',
  'other',
] as const;

export const PERSON_ROLES = ['victim', 'witness', 'guardian', 'reporter'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** HTCDS Gender */
export const GENDERS = ['Male', 'Female', 'TransgenderNonConforming', 'Unknown'] as const;
/** SIMFONI education levels */
export const EDUCATION_LEVELS = [
  'none',
  'early_childhood',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'higher',
  'unknown',
] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const;
export const RELIGIONS = [
  'islam',
  'protestant',
  'catholic',
  'hindu',
  'buddhist',
  'confucian',
  'other',
] as const;

export const CONSENT_SCOPES = ['data_management', 'services', 'sharing', 'reporting'] as const;
export const CLOSURE_REASONS = [
  'services_completed',
  'referred_elsewhere',
  'victim_withdrew',
  'not_reachable',
  'deceased',
  'duplicate',
  'other',
] as const;
