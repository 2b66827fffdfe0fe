# syntax=docker/dockerfile:1
#
# Registre web app (Next.js, `next start`). Build from the repository root:
#
#   docker build -f docker/frontend.Dockerfile --build-arg API_URL=http://api.internal:3001 -t registre-web .
#
# API_URL is the API's base URL as seen FROM THIS CONTAINER (no trailing /api). Give the same
# value to the build and to the container:
#   - at build time, `next build` fixes the rewrite /api/* -> ${API_URL}/api/* of next.config.ts
#     into .next/routes-manifest.json;
#   - at run time, server components call ${API_URL}/api/... directly, and the web app forwards
#     the browser's /api/* calls to the API_URL of the running server.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NEXT_TELEMETRY_DISABLED=1

# ---------------------------------------------------------------------------------------------
# build: the frontend's full dependency tree (dev included: TypeScript, types) and `next build`
# ---------------------------------------------------------------------------------------------
FROM base AS build
ARG API_URL=http://localhost:3001
ENV API_URL=${API_URL}
COPY package.json package-lock.json ./
COPY backend/package.json backend/package.json
COPY frontend/package.json frontend/package.json
RUN --mount=type=cache,target=/root/.npm \
    npm ci --workspace=frontend --include-workspace-root=false --ignore-scripts
COPY frontend/ frontend/
# The page runs the server's pure domain modules (interchange types, register rules): one rule set.
# The context holds only backend/src/domain (frontend.Dockerfile.dockerignore; the frontend imports
# nothing else of the backend, which its ESLint rule and a frontend test check).
COPY backend/src/domain/ backend/src/domain/
# The build cache is not needed at run time; public/ is created when the app has none so that
# the runtime stage can always copy it.
RUN npm run build -w frontend \
 && rm -rf frontend/.next/cache \
 && mkdir -p frontend/public

# ---------------------------------------------------------------------------------------------
# deps: production dependencies of the frontend only
# ---------------------------------------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
COPY backend/package.json backend/package.json
COPY frontend/package.json frontend/package.json
# Hoisted into /app/node_modules, except the packages npm had to nest in
# /app/frontend/node_modules (there are some): both are copied below.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=frontend --include-workspace-root=false --ignore-scripts \
 && mkdir -p frontend/node_modules

# ---------------------------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ARG API_URL=http://localhost:3001
ENV NODE_ENV=production \
    PORT=3000 \
    API_URL=${API_URL}
COPY --from=deps /app/package.json /app/package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/frontend/node_modules ./frontend/node_modules
# next.config.ts is read again by `next start` (compiled with Next's bundled SWC; TypeScript is
# not needed at run time); tsconfig.json carries the path aliases it may use.
COPY --from=build /app/frontend/package.json /app/frontend/next.config.ts /app/frontend/tsconfig.json /app/frontend/server.js ./frontend/
COPY --from=build /app/frontend/public ./frontend/public
# Next.js writes its runtime cache under .next/cache: that folder must belong to the process.
COPY --from=build --chown=node:node /app/frontend/.next ./frontend/.next

WORKDIR /app/frontend
USER node
EXPOSE 3000

# /login renders without calling the API, so this checks the Next.js server only (an API outage
# is reported by the API's own health check, not by restarting the web app).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/login', { redirect: 'manual' }).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))"]

# `next start` reads PORT; it binds 0.0.0.0 by default (Docker's HOSTNAME variable is not used).
CMD ["node", "/app/frontend/server.js"]
