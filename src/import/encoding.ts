import { BadUserInputError } from '../errors';

/**
 * Import files are UTF-8. A file in another encoding (Latin-1, Windows-1252: what older Excel
 * versions save as "CSV") must be refused, not decoded leniently: a lenient decoder turns every
 * accent into U+FFFD and the names of the club's members would be written to the graph mangled.
 */

const REPLACEMENT_CHARACTER = '\uFFFD';

const HOW_TO_FIX = 'expected UTF-8 text: save the file as "CSV UTF-8" in a spreadsheet, or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8';

/** 1-based line of the character at `index`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Decodes the bytes of an import file as UTF-8 (a leading byte-order mark is accepted and removed),
 * refusing any byte sequence UTF-8 does not allow, with the line of the first one.
 */
export function decodeImportFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Decoded leniently only to say where: the first U+FFFD stands for the first invalid byte.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lineAt(lenient, lenient.indexOf(REPLACEMENT_CHARACTER));
    throw new BadUserInputError(
      `The file is not valid UTF-8: line ${line} holds a byte that UTF-8 does not allow (${HOW_TO_FIX}); nothing was written`,
      {
        encoding: 'UTF-8',
        line,
      },
    );
  }
}

/**
 * Refuses text holding U+FFFD: it is what a lenient decoder leaves in place of bytes it could not
 * read, so the file was not UTF-8 before it was sent (or saved) and the characters are already lost.
 */
export function ensureNoReplacementCharacter(content: string): void {
  const index = content.indexOf(REPLACEMENT_CHARACTER);
  if (index < 0) return;
  const line = lineAt(content, index);
  throw new BadUserInputError(
    `The content holds the replacement character U+FFFD (first on line ${line}): the file was not valid UTF-8 before it was sent, ` +
      `and the characters it replaced are lost (${HOW_TO_FIX}, then send it again); nothing was written`,
    { encoding: 'UTF-8', line },
  );
}
