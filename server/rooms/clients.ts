/**
 * Which participant writes under which Yjs client id. Every struct of a Yjs update carries the id
 * of the client that wrote it, and two clients writing under one id corrupt each other's history:
 * an update written under the laptop's id (or another phone's) could make the laptop's copy and
 * the room's diverge for good. So each id belongs to the first participant who uses it in this
 * room (in an update or their presence), and nobody else may use it; an id the room has already
 * seen without an owner (the laptop's, the server's own, anything in the document from before the
 * room opened) belongs to nobody a participant can be.
 *
 * Per participant, not per connection: a page that reloads, or briefly has two connections, sends
 * its earlier structs again under the id it wrote them with.
 */
export class ClientIds {
  private readonly owners = new Map<number, string>();
  private readonly counts = new Map<string, number>();

  /** `seen(id)`: the room has met this id already (its document, its presence, its own writer). */
  constructor(private readonly seen: (client: number) => boolean) {}

  ownerOf(client: number): string | undefined {
    return this.owners.get(client);
  }

  /**
   * The ids among `clients` that `owner` would newly own, or why they may not write under them.
   * Nothing is bound until `bind` (after the rest of the message passed its checks).
   */
  claim(owner: string, clients: Iterable<number>, limit: number): { fresh: number[] } | { problem: string } {
    const fresh: number[] = [];
    for (const client of clients) {
      const current = this.owners.get(client);
      if (current === owner) continue;
      if (current !== undefined) return { problem: `it writes under the Yjs client id of another participant (${client})` };
      if (this.seen(client)) return { problem: `it writes under a Yjs client id the room already has from someone else (${client})` };
      if (!fresh.includes(client)) fresh.push(client);
    }
    if ((this.counts.get(owner) ?? 0) + fresh.length > limit) return { problem: `it writes under more than ${limit} Yjs client ids` };
    return { fresh };
  }

  bind(owner: string, clients: Iterable<number>): void {
    for (const client of clients) {
      if (this.owners.has(client)) continue;
      this.owners.set(client, owner);
      this.counts.set(owner, (this.counts.get(owner) ?? 0) + 1);
    }
  }

  clientsOf(owner: string): number[] {
    return [...this.owners].filter(([, who]) => who === owner).map(([client]) => client);
  }

  owns(owner: string, client: number): boolean {
    return this.owners.get(client) === owner;
  }
}
