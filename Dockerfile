# One image for every deployable; APP picks which one runs (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
# Reachable from outside the container (the apps default to loopback).
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The tick spool (TICK_SPOOL_DIR) must be writable by the app; mount a volume here to keep it.
RUN mkdir -p .nexwave/spool && chown -R node:node .nexwave
USER node
ENV APP=nexwave
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
