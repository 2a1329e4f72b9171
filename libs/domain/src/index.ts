export * from './currency';
export * from './fiscal-year';
export * from './organisation';
export * from './strategy-steps';
export * from './accounts';
export * from './permissions';
export * from './roles';
