/**
 * Reads a file the engine may rewrite, or says why it must not: binary, too large to be hand-written
 * source, or not UTF-8 (decoding and re-encoding would change its bytes).
 */
import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** How far to look for a NUL byte, as git does to tell binary files from text. */
const BINARY_SNIFF_BYTES = 8 * 1024;

export interface ReadSourceOptions {
  /** Larger files are skipped; default 2 MiB. */
  maxBytes?: number;
}

export type SourceRead = { text: string } | { skip: string };

/**
 * One buffer, reused for every read: tens of thousands of file-sized buffers would otherwise pile up as
 * memory outside the heap until a collection, and the decoded text is the only copy kept.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

function scratchOf(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  return scratch;
}

export function readSource(file: string, options: ReadSourceOptions = {}): SourceRead {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    // Checked before reading, so a huge file is never loaded.
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) return { skip: `too large to be source: ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit` };
    bytes = scratchOf(size);
    let filled = 0;
    while (filled < size) {
      const read = fs.readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    // A file that shrank while being read gives what was there; one that grew is read again next run.
    bytes = bytes.subarray(0, filled);
  } catch (error) {
    return { skip: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (bytes.length > maxBytes) return { skip: `too large to be source: ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit` };
  const utf16 = utf16Bom(bytes);
  if (utf16) return { skip: `${utf16} text, not UTF-8` };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skip: 'binary (a NUL byte in its first 8 KB)' };
  if (!isUtf8(bytes)) return { skip: 'not valid UTF-8' };
  // Buffer decoding keeps a BOM in the text, so offsets and the bytes written back are exact.
  return { text: bytes.toString('utf8') };
}

function utf16Bom(bytes: Buffer): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

/** `512 bytes`, `3.4 KiB`, `2.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
