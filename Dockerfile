# One image for every deployable; APP picks which one runs (see docker-compose.yml). The migrate
# step is `node dist/libs/database/src/cli/migrate.cli.js` (built JS: no swc, no dev dependency).
FROM node:20.19.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20.19.0-bookworm-slim
# HOST: reachable from outside the container (the apps default to loopback). LOG_FORMAT: JSON
# lines (pino-pretty is a dev dependency, not installed here).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Everything the apps write lives under /app/.nexwave, owned by the user they run as: the
# embedded database of APP=nexwave without DATABASE_URL (pgdata) and the tick spool (spool);
# mount volumes there to keep them.
RUN mkdir -p .nexwave/pgdata .nexwave/spool && chown -R node:node .nexwave
USER node
ENV APP=nexwave
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
