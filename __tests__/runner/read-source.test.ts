/** readSource: exact text for UTF-8 sources (BOM and CRLF kept), a reason for everything else. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_MAX_BYTES, formatBytes, readSource } from '../../src/runner/read-source';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-read-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('readSource', () => {
  it('returns UTF-8 text byte for byte, BOM and CRLF included', () => {
    const source = '\uFEFFimport { a } from "./a";\r\nconst s = "héllo ✓";\r\n';
    const file = write('bom.ts', Buffer.from(source, 'utf8'));
    const read = readSource(file);
    expect(read).toEqual({ text: source });
    expect(Buffer.from((read as { text: string }).text, 'utf8').equals(fs.readFileSync(file))).toBe(true);
  });

  it('skips a file with a NUL byte in its first 8 KB as binary', () => {
    const file = write('image.ts', Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]));
    expect(readSource(file)).toEqual({ skip: expect.stringMatching(/^binary/) });
  });

  it('looks for NUL bytes only in the first 8 KB', () => {
    const text = `${'x'.repeat(9000)}\u0000`;
    expect(readSource(write('late-nul.ts', text))).toEqual({ text });
  });

  it('skips a file larger than the limit, saying its size and the limit', () => {
    const file = write('huge.js', 'a'.repeat(3000));
    const read = readSource(file, { maxBytes: 2048 });
    expect(read).toEqual({ skip: expect.stringContaining('2.9 KiB') });
    expect((read as { skip: string }).skip).toContain('2.0 KiB');
    expect(readSource(file, { maxBytes: 3000 })).toEqual({ text: 'a'.repeat(3000) });
  });

  it('uses 2 MiB as the default limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(2 * 1024 * 1024);
    const file = write('big.js', Buffer.alloc(DEFAULT_MAX_BYTES + 1, 0x61));
    expect(readSource(file)).toEqual({ skip: expect.stringContaining('the 2.0 MiB limit') });
  });

  it('skips invalid UTF-8 instead of replacing bytes it cannot decode', () => {
    const file = write('latin1.js', Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a])); // "// café" in Latin-1
    expect(readSource(file)).toEqual({ skip: 'not valid UTF-8' });
  });

  it('names UTF-16 text rather than calling it binary', () => {
    const file = write('utf16.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('let a = 1;', 'utf16le')]));
    expect(readSource(file)).toEqual({ skip: 'UTF-16LE text, not UTF-8' });
  });

  it('returns a reason, not an exception, for a file that cannot be read', () => {
    expect(readSource(path.join(dir, 'missing.ts'))).toEqual({ skip: expect.stringContaining('ENOENT') });
  });

  it('reads an empty file as empty text', () => {
    expect(readSource(write('empty.ts', ''))).toEqual({ text: '' });
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MiB');
  });
});
