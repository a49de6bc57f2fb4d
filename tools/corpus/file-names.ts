/** A file name keeps at most this many characters of the title, as archivers cut long titles. */
export const MAX_NAME_CHARACTERS = 80;
/** File systems allow 255 bytes per name; this leaves room for ` (n)` and the extension. */
const MAX_NAME_BYTES = 200;

/** Characters file systems refuse, swapped for the full-width forms archivers write instead. */
const FULL_WIDTH: Record<string, string> = {
  '/': '／',
  '\\': '＼',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};

/**
 * sanitizeFileName: a title as a file name (without extension) that every common file system
 * accepts: separators and reserved characters become full-width, control characters spaces;
 * trimmed, at most MAX_NAME_CHARACTERS characters and 200 bytes. Leading dots go (ingest skips
 * hidden files), as do trailing dots and spaces (Windows drops them).
 */
export function sanitizeFileName(title: string): string {
  let name = title
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[/\\:*?"<>|]/g, (char) => FULL_WIDTH[char]!)
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\.+/, '');
  let chars = [...name].slice(0, MAX_NAME_CHARACTERS);
  while (Buffer.byteLength(chars.join('')) > MAX_NAME_BYTES) chars = chars.slice(0, -1);
  name = chars.join('').replace(/[\s.]+$/u, '');
  return name === '' ? 'untitled' : name;
}

/**
 * FolderNames: hands out file names unique within each folder, ignoring case (macOS and Windows
 * file systems do), by appending ` (2)`, ` (3)`… to later claims of the same name.
 */
export class FolderNames {
  private readonly taken = new Map<string, Set<string>>();

  claim(dir: string, name: string, extension: string): string {
    let names = this.taken.get(dir);
    if (!names) {
      names = new Set();
      this.taken.set(dir, names);
    }
    let candidate = name;
    for (let suffix = 2; names.has(`${candidate}${extension}`.toLowerCase()); suffix += 1) {
      candidate = `${name} (${suffix})`;
    }
    names.add(`${candidate}${extension}`.toLowerCase());
    return `${candidate}${extension}`;
  }
}
