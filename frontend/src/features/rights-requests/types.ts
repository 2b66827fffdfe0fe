/** The rights-request register's API shapes and codes: the server's own, imported (never restated). */
export * from '@backend/rights-requests/rights-request.types';
