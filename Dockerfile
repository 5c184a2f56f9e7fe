# One image for every Plaza process: web (default command), migrate, and the worker (node .output/worker/main.mjs).
FROM node:20.20-bookworm-slim
WORKDIR /app
# The demo mall's pictures write product names in DejaVu Sans (scripts/demo-mall/pictures.ts); the slim image has no fonts.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NUXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# Scripts are skipped here because `nuxt prepare` needs the sources, which are copied next.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
# The scripts skipped above include applying patches/ (a postgres.js fix, see README).
RUN npx patch-package && npm run build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# The heap cap of scripts/web-process.ts (WEB_NODE_FLAGS): keeps the web under 250 MB resident.
CMD ["node", "--max-old-space-size=192", ".output/server/index.mjs"]
