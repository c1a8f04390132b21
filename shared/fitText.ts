/**
 * `make(name)` within `max` characters (UTF-16 code units, as the schemas count them): the text a
 * template makes around a user's name (a copy's name, a meeting's title), with the name shortened
 * from its end, with "…", until the whole fits. At least one character of the name is kept.
 */
export function fitWithin(max: number, name: string, make: (name: string) => string): string {
  let text = make(name);
  const characters = Array.from(name);
  while (text.length > max && characters.length > 1) {
    characters.pop();
    text = make(`${characters.join('').trimEnd()}…`);
  }
  return text;
}
