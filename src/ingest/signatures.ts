/**
 * The byte signatures that tell a file's format by content. Kept apart from
 * the format registry so readers can check a signature without importing the
 * registry that imports them.
 */
export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
/** A zip's local file header, and the end record of an empty zip. */
export const ZIP_MAGICS: readonly Buffer[] = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isZip(content: Buffer): boolean {
  return ZIP_MAGICS.some((magic) => startsWith(content, magic));
}

export function isPdf(content: Buffer): boolean {
  const at = content.subarray(0, 1024).indexOf(PDF_MAGIC);
  if (at === 0) return true;
  // Some writers put junk (a BOM, a mail header) before the header and readers accept it
  // within 1 KB; a text file that merely mentions %PDF- has no %%EOF trailer.
  return at > 0 && content.subarray(-2048).includes(Buffer.from('%%EOF', 'latin1'));
}

export function startsWith(content: Buffer, magic: Buffer): boolean {
  return content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
}
