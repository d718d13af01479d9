export * from './errors';
export * from './tokenStore';
export * from './session';
export * from './passkey';
export * from './client';
export * from './config';
export type * from './types';
