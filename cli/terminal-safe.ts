/* eslint-disable no-control-regex -- finding control characters is the point of this file */
/**
 * Text the CLI echoes to a terminal (usage errors quote what was typed; API errors quote what was
 * sent) with control characters, bidi overrides and lone surrogates shown as \u{..} escapes: an
 * argument or a server message must not clear the screen, move the cursor or reorder the line.
 * Newline and tab stay.
 */

const UNSAFE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}
