import type { WebClient } from '@slack/web-api';
import type { Installation } from '../domain/permissions.js';

/**
 * The organisation that installed the app, from auth.test: asked once at start and kept. Until it is
 * known (a failed call is tried again on the next request) everyone gets the public view.
 */
export class InstallingOrganisation {
  private known: Installation | undefined;
  private pending: Promise<Installation | undefined> | undefined;

  constructor(private readonly client: WebClient) {}

  /** The installing organisation once known, without waiting. */
  get current(): Installation | undefined {
    return this.known;
  }

  async get(): Promise<Installation | undefined> {
    if (this.known) return this.known;
    this.pending ??= this.lookUp().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async lookUp(): Promise<Installation | undefined> {
    try {
      const result = await this.client.auth.test();
      if (!result.team_id) return undefined;
      this.known = { teamId: result.team_id, enterpriseId: result.enterprise_id || null };
      return this.known;
    } catch {
      return undefined;
    }
  }
}
