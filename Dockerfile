# Builds the API with the console inside it.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/simulator/package.json apps/simulator/
COPY libs/domain/package.json libs/domain/
COPY libs/contracts/package.json libs/contracts/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app ./
USER node
EXPOSE 3000
# Healthy once it answers /api/health, i.e. it is up and reaches its database.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 CMD ["node", "apps/api/dist/health-check.js"]
CMD ["node", "apps/api/dist/main.js"]
