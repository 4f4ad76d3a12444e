// What one publish has put in its destination so far. A publish that succeeds reports from its
// result; one that fails has no result, yet its summary must say what went up before the
// failure and what did not. So the flow says up front what it will publish, each stage records
// an artifact once it is in the destination, and the caller (which owns the ledger) reads it
// when the publish throws. Nothing here decides anything: it only remembers.

/** An artifact this run put in the destination, or found already there. */
export interface LedgerEntry {
  /** `image`, `weight NAME`: as the summary's rows name them. */
  readonly what: string;
  readonly digest: string;
  /** The tag it went up at, when it has one of its own (`cog-image.v1`). */
  readonly tag: string | undefined;
  readonly state: 'pushed' | 'present';
  /** Bytes this run sent for it; undefined when a builder sent them itself. */
  readonly bytesUploaded: number | undefined;
}

/** What the publish set out to do, once it knew. */
export interface LedgerPlan {
  /** `registry/repository` or `oci-layout:DIR`. */
  readonly repository: string;
  /** The model's tags, which move last. */
  readonly tags: readonly string[];
  /** Every artifact it will publish, in order (`weight NAME`…, `image`, `model index`). */
  readonly artifacts: readonly string[];
}

export interface LedgerView {
  readonly plan: LedgerPlan | undefined;
  readonly entries: readonly LedgerEntry[];
}

export class PushLedger {
  private planned: LedgerPlan | undefined;
  private readonly done: LedgerEntry[] = [];

  plan(plan: LedgerPlan): void {
    this.planned = plan;
  }

  record(entry: LedgerEntry): void {
    this.done.push(entry);
  }

  view(): LedgerView {
    return { plan: this.planned, entries: [...this.done] };
  }
}
