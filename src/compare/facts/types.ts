import type { Article, Span } from '../../model/document.js';

/** Where a fact is stated: the differing words (`value`) and the clause around them (`context`, <= 300 chars). */
export interface Mention {
  article: Article;
  value: Span;
  context: Span;
  /** Index of the sentence in the article. */
  sentence: number;
}

/** A figure: what is measured, its value as an interval, unit and dimension. */
export interface FigureFact extends Mention {
  kind: 'figure';
  value: Span;
  low: number;
  high: number;
  central: number;
  hedge: string | null;
  /** Hedge direction: 'up' (more than), 'down' (up to, nearly), 'around', or null (exact). */
  direction: 'up' | 'down' | 'around' | null;
  vague: boolean;
  unit: string | null;
  dimension: string;
  /** Concept of the head noun of what is measured ("protester"), null when unknown. */
  head: string | null;
  /** Concepts of the content words around the figure in its clause (the act: "arrest", "trap"). */
  around: Set<string>;
  /** Story entities named in the clause. */
  entities: Set<string>;
  /** Quantity kind: level, increase, decrease... */
  change: string;
  /** A goal, plan or forecast ("the goal is 160 million") rather than a count of what is. */
  planned: boolean;
  /** The day the figure's clause is about ("On Tuesday, thousands marched": 2019-12-31; 'XXXX-01-01' when the year is unknown), null when none is named. */
  day: string | null;
  /** The year, half, quarter or month its clause names ('2019', '2019-Q4', '2019-12'), null when none. */
  period: string | null;
  /**
   * The week its clause names ('2019-W52'), null when none; `weekFrom`: how it is named from the report's day
   * ('DCT-1W': "last week"; null when named otherwise): reports a few days apart name one rolling week by two
   * calendar weeks.
   */
  week: string | null;
  weekFrom: string | null;
  /** Who gives the figure when its clause attributes it ("Iran has put the toll at 31"): a story entity; null for the outlet's own. */
  source: string | null;
  /** The words that name the source ("Iran"), when there is one. */
  sourceName: string | null;
  /** A duration still running when the report was written ("have blocked the highway for 18 days"). */
  running: boolean;
  /** The measure's earlier value a change starts from ("fell to 473,000 from a revised 507,000"; "the previous week's figure was revised up to 371,000"). */
  previous?: boolean;
}

/** A person's age: "Ajay Pathak (42)", "Harris, 30,", "a 38-year-old man". */
export interface AgeFact extends Mention {
  kind: 'age';
  age: number;
  /** Names the person is given next to the age (lower-case words). */
  names: string[];
  /** Story entity of the person, when one is named. */
  entity: string | null;
  /** Kin or role noun ("daughter"), canonical, or the noun that describes an unnamed person ("woman"). */
  role: string | null;
  /** Concepts of the age's sentence (what the person did or underwent). */
  around: Set<string>;
}

export type Fact = FigureFact | AgeFact | DatedFact | StatusFact | PersonFact | QuoteFact;

/** A dated act: a day (or weekday) and the words of the clause it dates. */
export interface DatedFact extends Mention {
  kind: 'dated';
  /** 'day:2019-12-31' or 'weekday:2' (the day when resolved, else the weekday). */
  day: string | null;
  weekday: string | null;
  /** Concepts of the clause around the date (the act and its participants). */
  around: Set<string>;
  entities: Set<string>;
  /** The act the date is the date of, when an event noun names it next to the date (Russian: "Драка произошла 31 января"). */
  act?: string | null;
  /** A year ('2019') or month ('2019-02') given with no day, and the concept of the word it hangs on ("ends in 2019": end). */
  period?: string;
  periodWord?: string | null;
  /** Whether the period places that word's act ("leave at the end of February"), not a name's ("the Pentagon in July") nor a bound ("since October"). */
  placesWord?: boolean;
}

/** An act with its status: done ("was arrested"), negated ("no arrests", "yet to be arrested") or planned ("will be sent"). */
export interface StatusFact extends Mention {
  kind: 'status';
  /** Concept of the act's word ("arrest"). */
  act: string;
  status: 'done' | 'negated' | 'planned';
  around: Set<string>;
  entities: Set<string>;
  /** Story entity of who does or undergoes the act ("Kannan was arrested", "he is yet to be arrested"), when named. */
  subject: string | null;
  /** Done, read from a past verb after its subject ("Jackson pleaded") rather than a participle with its auxiliary. */
  active: boolean;
  /** A negated act noun with no more to it ("police have made no arrests", "no charges have been filed"): the story's act denied. */
  blanket: boolean;
  /** Done, read only from a participle with its agent ("reinforcements sent by the Pentagon"): it may describe a noun. */
  agentOnly: boolean;
  /** Concepts of whom a denied act is denied towards ("hasn't apologized to the young men": young, man), when said. */
  towards?: Set<string>;
  /** Concepts of what the act is done to (a passive's subject, an active verb's object); empty when unknown. */
  theme?: Set<string>;
}

/** What an article calls a person: title ("Battalion Chief") or place of origin ("of Passadumkeag"). */
export interface PersonFact extends Mention {
  kind: 'person';
  attribute: 'title' | 'origin';
  /** Story entity of the person. */
  entity: string;
  /** Name words of the person (lower case), for matching spelling variants. */
  names: string[];
  /** The attribute's words, lower case ("battalion chief", "passadumkeag"). */
  words: string[];
}

/** Words an article attributes to someone: the quoted words and who says them. */
export interface QuoteFact extends Mention {
  kind: 'quote';
  /** Lower-case words of the quoted text. */
  words: string[];
  /** Story entity of the speaker, when resolved. */
  speaker: string | null;
  /** The words naming the speaker ("the Iraqi government", "The group"). */
  speakerText: string;
}
