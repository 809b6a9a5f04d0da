// Which figure's card is open in one view: pinned beats keyboard focus beats pointer hover, so scrolling never swaps it.
export class MarkSelection {
  hovered = $state<string | null>(null);
  focused = $state<string | null>(null);
  pinned = $state<string | null>(null);
  readonly active = $derived(this.pinned ?? this.focused ?? this.hovered);

  /** Click or Enter: pins a card, or unpins it when it is already pinned. */
  togglePin(id: string): void {
    this.pinned = this.pinned === id ? null : id;
  }

  clear(): void {
    this.pinned = this.focused = this.hovered = null;
  }
}
