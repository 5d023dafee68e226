// Personal API tokens (GET/POST /api/v1/session/tokens, DELETE .../{id}): the checks of the
// new-token form and the order of the list (active ones first, newest first).

export interface ApiToken {
  id: number;
  name: string;
  scope: 'read' | 'read_write' | string;
  revoked: boolean;
  last_used_at: string | null;
  created_at: string;
}

export const tokenScopes = ['read', 'read_write'] as const;

// The problem with a token name ('' when it is fine): required, at most 100 characters.
export function tokenNameProblem(name: string): '' | 'missing' | 'long' {
  const n = name.trim();
  if (!n) return 'missing';
  if ([...n].length > 100) return 'long';
  return '';
}

export function orderTokens(tokens: ApiToken[]): ApiToken[] {
  return [...tokens].sort((a, b) => Number(a.revoked) - Number(b.revoked) || b.created_at.localeCompare(a.created_at) || b.id - a.id);
}
