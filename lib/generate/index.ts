export * from './azerty';
export { countCompliant, log2Big } from './entropy';
export * from './generate';
export { WORDS_FR } from './words-fr';
