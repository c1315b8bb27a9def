export * from './evaluate';
export * from './profile';
