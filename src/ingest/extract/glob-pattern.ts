/**
 * A small glob matcher for feed `match` patterns, relative to the ingested folder:
 * `**` any number of folders, `*` and `?` within one path segment, `{a,b}`
 * alternatives and `[abc]` classes.
 * @module
 */

function escapeLiteral(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}

function translate(pattern: string): string {
  let source = '';
  let braceDepth = 0;

  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index] ?? '';
    if (character === '*' && pattern[index + 1] === '*') {
      const atSegmentStart = index === 0 || pattern[index - 1] === '/';
      if (atSegmentStart && pattern[index + 2] === '/') {
        source += '(?:[^/]*/)*';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else if (character === '{') {
      braceDepth += 1;
      source += '(?:';
    } else if (character === '}' && braceDepth > 0) {
      braceDepth -= 1;
      source += ')';
    } else if (character === ',' && braceDepth > 0) {
      source += '|';
    } else if (character === '[' && pattern.indexOf(']', index + 2) !== -1) {
      const end = pattern.indexOf(']', index + 2);
      const body = pattern
        .slice(index + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      source += `[${body}]`;
      index = end;
    } else {
      source += escapeLiteral(character);
    }
  }
  return source;
}

/** Compile a glob to a regular expression that must match the whole path. */
export function globToRegExp(pattern: string): RegExp {
  const normalised = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  return new RegExp(`^${translate(normalised)}$`);
}

/** Whether a relative path (either slash direction) matches the glob. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  return globToRegExp(pattern).test(relativePath.replace(/\\/g, '/').replace(/^\.\//, ''));
}
