export * from './evaluate';
export * from './passwordrules';
export * from './policy-text';
export * from './profile';
