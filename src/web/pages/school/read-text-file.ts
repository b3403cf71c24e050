/**
 * Reads an uploaded file as text. Exports from Dutch pupil administrations are UTF-8 or, from
 * older Windows tools, Windows-1252; a file that is not valid UTF-8 is read as the latter.
 */
export async function readTextFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
