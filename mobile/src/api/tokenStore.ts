/** Where the refresh token lives. Never the access token: that stays in memory only. */
export interface TokenStore {
  getRefreshToken(): Promise<string | null>;
  setRefreshToken(token: string): Promise<void>;
  clear(): Promise<void>;
}

/** For tests, Node and the web build (the session does not survive a reload there). */
export class MemoryTokenStore implements TokenStore {
  private readonly map = new Map<string, string>();
  private static readonly KEY = 'refreshToken';

  async getRefreshToken(): Promise<string | null> {
    return this.map.get(MemoryTokenStore.KEY) ?? null;
  }

  async setRefreshToken(token: string): Promise<void> {
    this.map.set(MemoryTokenStore.KEY, token);
  }

  async clear(): Promise<void> {
    this.map.clear();
  }
}
