// The part of autocannon's API the server bench uses (the package ships no types).
declare module 'autocannon' {
  export interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  export interface Result {
    latency: Histogram;
    requests: Histogram & { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: { method?: string; path?: string; setupRequest?: (req: { path?: string }) => { path?: string } }[];
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
