export { buildDiagnostic, DIAGNOSTIC_VERSION, describeUrl, MAX_DIAGNOSTIC_CHARS } from './diagnostic';
