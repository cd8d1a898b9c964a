import { anchorSelectors, explainExact } from '../../lib/anchoring/match';
import { describeSpan } from '../../lib/anchoring/describe';
const text = 'Le Conseil d’État a publié son avis 🚀 sur l’IA générative, dit l’Autorité.';
const a = text.indexOf('avis 🚀 sur');
const s = describeSpan(text, a, a + 'avis 🚀 sur'.length);
console.log(s, anchorSelectors('Préambule. ' + text, s), explainExact('Préambule. ' + text, s));
