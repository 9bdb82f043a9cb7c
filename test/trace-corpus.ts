/**
 * A small invented corpus for the trace and outlets tests: one claim about a flood in the Orle valley, planted in
 * five articles of four outlets with reworded text and reformatted figures, and distractors that share its figure or
 * its words but not its claim.
 */
export interface CorpusArticle {
  readonly key: string;
  readonly url: string;
  readonly title: string;
  readonly site: string;
  readonly published: string;
  readonly text: string;
}

const article = (key: string, site: string, published: string, title: string, text: string): CorpusArticle => ({
  key, site, published, title, text, url: `https://${site.toLowerCase().replaceAll(' ', '')}.example/${key}`,
});

/** The planted appearances of the claim (keys start with "flood"), in publication order. */
export const PLANTED: readonly CorpusArticle[] = [
  article('flood-first', 'Vellmar Gazette', '2024-02-01', 'Valley evacuated as river bursts its banks',
    'The river Orle burst its banks on Tuesday night. The regional ministry said 23,000 residents fled the flooded Orle valley. Schools in the lower villages stayed closed.'),
  article('flood-post', 'Coast Post', '2024-02-03', 'Thousands leave the Orle valley',
    'Rain kept falling over the weekend. About twenty thousand people have fled the Orle valley after the floods, according to officials. Roads to the coast were jammed.'),
  article('flood-ledger', 'Northern Ledger', '2024-02-04', 'Mayor warns of long recovery',
    'Nearly 20k residents have fled the flooded Orle valley, Mayor Anna Berg said. She asked for patience while the water recedes.'),
  article('flood-herald', 'Harbour Herald', '2024-02-05', 'Aid arrives in the valley',
    'Aid lorries reached the valley on Monday. Some 20,000 residents fled the flooded Orle valley, aid workers say. Blankets and water were handed out in the sports hall.'),
  article('flood-gazette', 'Vellmar Gazette', '2024-03-02', 'A month after the flood',
    'A month on, the clean-up continues. In February, 20 000 residents fled the flooded Orle valley, the Red Cross reported. Many have not yet returned.'),
];

/** Articles that share the figure or the words of the planted claim but claim something else. */
export const DISTRACTORS: readonly CorpusArticle[] = [
  article('jazz', 'Coast Post', '2024-02-02', 'Jazz festival sells out',
    'Some 20,000 tickets were sold for the Orle jazz festival, the organisers said. The first concert starts at noon.'),
  article('dam', 'Vellmar Gazette', '2024-02-06', 'Dam repairs promised',
    'The ministry said the Orle valley dam will be repaired by June. Engineers inspected the wall on Friday.'),
  article('referendum', 'Northern Ledger', '2024-01-20', 'Harbour referendum turnout',
    'About 23,000 residents of Vellmar voted in the harbour referendum. Experts say turnout was the highest in a decade.'),
];

/** Every article of the corpus. */
export const CORPUS: readonly CorpusArticle[] = [...PLANTED, ...DISTRACTORS];
