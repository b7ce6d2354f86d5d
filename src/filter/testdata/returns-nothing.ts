// Fixture plugin that forgets to return the entry.
export function filterEntry(): void {}
