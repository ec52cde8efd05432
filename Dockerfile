# Production image: build with dev dependencies, run with production dependencies only, as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY cards ./cards
COPY manifest ./manifest
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY cards ./cards
COPY manifest ./manifest
COPY src/content ./src/content
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["npm", "run", "serve"]
