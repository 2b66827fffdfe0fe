/** The breach register's API shapes and codes: the server's own, imported (never restated). */
export * from '@domain/breaches/breach.types';
