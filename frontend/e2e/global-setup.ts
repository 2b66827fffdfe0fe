import { startProduct } from './product';

export default async function globalSetup(): Promise<void> {
  const product = await startProduct();
  // Test files run in workers started after this, which inherit the environment.
  process.env.REGISTRE_E2E_WEB_URL = product.webUrl;
  process.env.REGISTRE_E2E_API_URL = product.apiUrl;
  process.env.REGISTRE_E2E_MAIL_DIR = product.mailDir;
  (globalThis as { registreProduct?: unknown }).registreProduct = product;
}
