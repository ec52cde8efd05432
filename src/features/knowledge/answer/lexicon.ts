/**
 * Document words as small numbers. Scoring a question compares its stems with every word of a few
 * hundred sentences; with numbers, "have I compared this word already" is an array read instead of
 * a hash lookup. Each stored word list is numbered once and remembered for as long as it is in use.
 */
export class Lexicon {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly numbered = new WeakMap<readonly string[], Int32Array>();
  private readonly remembered = new Map<string, Uint8Array>();

  get size(): number {
    return this.words.length;
  }

  word(id: number): string {
    return this.words[id]!;
  }

  idsOf(lexemes: readonly string[]): Int32Array {
    let found = this.numbered.get(lexemes);
    if (!found) {
      found = new Int32Array(lexemes.length);
      for (let i = 0; i < lexemes.length; i += 1) {
        const word = lexemes[i]!;
        let id = this.ids.get(word);
        if (id === undefined) {
          id = this.words.length;
          this.words.push(word);
          this.ids.set(word, id);
        }
        found[i] = id;
      }
      this.numbered.set(lexemes, found);
    }
    return found;
  }

  /**
   * Room to remember how well each word matches a question stem, by word id (0: not compared yet).
   * Colleagues ask about the same few hundred things, so a stem is rarely new.
   */
  memoFor(stem: string): Uint8Array {
    let memo = this.remembered.get(stem);
    if (!memo || memo.length < this.words.length) {
      if (!memo && this.remembered.size >= 1_000) this.remembered.clear();
      const grown = new Uint8Array(Math.max(this.words.length, 64));
      if (memo) grown.set(memo);
      memo = grown;
      this.remembered.set(stem, memo);
    }
    return memo;
  }
}
