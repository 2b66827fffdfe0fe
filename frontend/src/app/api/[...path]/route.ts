/** Every `/api/...` call of the browser goes to the backend, streamed (see lib/api-forward.ts). */
import { forward } from '@/lib/api-forward';

export const dynamic = 'force-dynamic';

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
export const OPTIONS = forward;
