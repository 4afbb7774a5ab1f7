import type { EntityType } from '../../model/document.js';
import type { GazetteerEntry } from './gazetteer.js';

/** A proposed mention before resolution. Token range [tokStart, tokEnd); char range [start, end). */
export interface Candidate {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  type: EntityType | null;
  /** Who proposed it: 'tagger', 'gazetteer', 'rule'... */
  via: string;
  /** Gazetteer entry when the name is listed. */
  gaz?: GazetteerEntry;
  /** Role words before a person ("Kyrgyz President"), with the country they name. */
  role?: { start: number; end: number; text: string; affiliation?: string };
  /** True when the mention names a state through a place ("Moscow-led", "Moscow says"). */
  metonymic?: boolean;
}
