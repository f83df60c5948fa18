# syntax=docker/dockerfile:1
# The collector in a small image: built in one stage, run in another, as a user without root rights.
# Build and run:  docker build -t care-feedback . && docker run -p 8787:8787 -v care-data:/data care-feedback
# With PostgreSQL, backups and TLS: deploy/compose.yaml (see docs/collector.md, "Running it with Docker").

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds its native part here when no prebuilt one matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY packages ./packages
COPY tools ./tools
COPY rollup.config.mjs tsconfig.json ./
RUN npm ci && npm run build && npm prune --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CARE_FEEDBACK_HOST=0.0.0.0 \
    CARE_FEEDBACK_PORT=8787
WORKDIR /app
# The code belongs to root and cannot be changed by the server; only /data is the server's to write.
# ./data (where the database and e-mails kept as files go by default) is that volume.
COPY --from=build /app /app
RUN mkdir /data && chown node:node /data && ln -s /data /app/data
USER node
VOLUME /data
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8787/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "packages/collector/bin/care-feedback-collector.js"]
CMD ["serve"]
