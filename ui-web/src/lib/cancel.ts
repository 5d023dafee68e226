// Cancelling a background run (an appeal send, a thank-you or statement run): the server
// answers the cancelled thing (like GET), or 409 when it ended meanwhile. That 409 is not an
// error for the user: it is reported as null and the page reads the thing again.
import { ApiError, post } from '../api/client';

export async function cancelOrEnded<T>(path: string): Promise<T | null> {
  try {
    return await post<T>(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) return null;
    throw e;
  }
}
