import { RunningProduct, stopProduct } from './product';

export default async function globalTeardown(): Promise<void> {
  const product = (globalThis as { registreProduct?: RunningProduct }).registreProduct;
  if (product) await stopProduct(product);
}
