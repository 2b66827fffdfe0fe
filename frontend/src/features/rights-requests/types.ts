/** The rights-request register's API shapes and codes: the server's own, imported (never restated). */
export * from '@domain/rights-requests/rights-request.types';
