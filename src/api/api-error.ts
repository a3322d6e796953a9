/** An error the API answers with its status and `{ error: message }`; anything else is a 500. */
export class ApiError extends Error {
  constructor(readonly status: 400 | 401 | 404 | 405, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}
