import { z } from 'zod';

/** One line per problem, path first: `price: must be greater than zero; tif: Invalid option`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
