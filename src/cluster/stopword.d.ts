// The `stopword` package ships no types; we only read its English list.
declare module 'stopword' {
  export const eng: string[];
}
