export * from './agency.js';
export * from './errors.js';
export * from './format.js';
export * from './messages.js';
export * from './password.js';
export * from './region.js';
export * from './roles.js';
export * from './user.js';
