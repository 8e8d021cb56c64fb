export * from './categories';
export * from './places';
export * from './roles';
export * from './search-attributes';
export * from './detection';
export * from './evidence';
export * from './classification';
export * from './channels';
