export * from './errors';
export * from './tokenStore';
export * from './session';
export * from './client';
export * from './config';
export type * from './types';
