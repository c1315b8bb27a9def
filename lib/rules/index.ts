export * from './evaluate';
export * from './passwordrules';
export * from './pattern';
export * from './policy-text';
export * from './profile';
