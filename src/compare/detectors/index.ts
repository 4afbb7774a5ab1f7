import { ageDetector } from './ages.js';
import { figureDetector } from './figures.js';
import { dateDetector } from './dates.js';
import { statusDetector } from './status.js';
import { personDetector } from './people.js';
import { speakerDetector } from './speakers.js';
import { nameDetector } from './names.js';
import { agentDetector } from './agents.js';
import { accountDetector } from './accounts.js';
import type { Detector } from './types.js';

export type { Candidate, Detector, DetectInput, Side } from './types.js';

/** The fact detectors, in order: earlier detectors win when two find the same difference. */
export const DETECTORS: readonly Detector[] = [ageDetector, figureDetector, dateDetector, statusDetector, personDetector, nameDetector, agentDetector, accountDetector, speakerDetector];
