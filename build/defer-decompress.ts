// Stands in for `@zxcvbn-ts/dictionary-compression/decompress` in the extension's build (defer-dictionaries.ts).
export { deferDecompress as default } from '../lib/strength/sliced';
