/** The database module: one schema, one upgrade, small repository functions. */
export * from './schema';
export * from './annotations';
export * from './pages';
export * from './dismissals';
export { isAnnotation, isPageRecord, partitionValid } from './validate';
