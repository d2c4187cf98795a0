/** What several iam policy specs share. */
export const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
