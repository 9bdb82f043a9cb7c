import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | undefined;

/** The one wink-nlp instance of this process (extra instances break custom patterns), created on first use. */
export function getWink(): Wink {
  instance ??= winkNLP(model);
  return instance;
}
