/** opencc-js ships its dictionaries as modules without types: each default-exports one string. */
declare module 'opencc-js/dict/*' {
  /** Entries `from to[ to…]`, separated by `|`. */
  const dictionary: string;
  export default dictionary;
}
