/** One request a page made, from the browser's Resource Timing entries. */
export interface RequestRecord {
  url: string;
  startMs: number;
  endMs: number;
  transferBytes: number;
  encodedBytes: number;
  decodedBytes: number;
}
