/** One part of `parallax bench`; its result is merged into the printed object under `name`. */
export interface BenchSection {
  name: string;
  description: string;
  /** Return figures; long work may call progress(fraction). */
  run(options: { quick: boolean; progress: (message: string) => void; /** Corpus size, for sections that take one (--articles). */ articles?: number }): Promise<Record<string, unknown>>;
}
