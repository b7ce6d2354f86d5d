// Fixture plugin that forgot its export.
export const somethingElse = 1;
