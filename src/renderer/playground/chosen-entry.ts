/**
 * The entry chosen in a playground list (tool or prompt name, resource URI or URI template) lives
 * in the address, for a deep link and for Back: the page passes it in and is told of a new choice.
 */
export interface ChosenEntry {
  chosen: string | undefined;
  onChoose: (item: string) => void;
}
