# Journeyboard server image: build the client and the server bundle with every dependency, then ship
# only the bundle, the built client and the production dependencies, running as the unprivileged `node`
# user. Not built on the development machine (no Docker there): the same topology is tested with local
# processes (server/src/cluster.test.ts). See docs/deployment.md.

# --- build: devDependencies (vite, esbuild, typescript) are needed here only
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- production dependencies only (better-sqlite3 and the other externals of the bundle)
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# --- runtime
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data \
    STATIC_DIR=/app/dist/client
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# DATA_DIR is used only without DATABASE_URL (a single instance on SQLite); mount a volume there.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
# Liveness only; load balancers should use /readyz (database, Redis, draining).
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=50", "--single-threaded-gc", "dist/server/main.js"]
