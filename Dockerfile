# syntax=docker/dockerfile:1
# One image for the Temporal workers and the API/console. The ECS task picks the entry file by command:
#   worker: ["workers/main.ts"]    API and console: ["api/main.ts"]
# Locally: docker build -t saring . && docker run --init saring api/main.ts
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Production dependencies only, from the lock file. @temporalio/core-bridge and @swc/core ship prebuilt
# glibc binaries, hence Debian (bookworm) and not Alpine.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
# The commit the image is built from (docker build --build-arg SARING_CODE_COMMIT=$(git rev-parse HEAD)):
# the audit archive records it, so "saring audit replay --code recorded" can check that code out.
ARG SARING_CODE_COMMIT=
ENV SARING_CODE_COMMIT=${SARING_CODE_COMMIT}
WORKDIR /app
# Code and dependencies stay owned by root: the process (uid 1000) can read them but never rewrite them.
COPY --from=deps /app/node_modules ./node_modules
COPY . .
USER node
# Workers drain in-flight activities on SIGTERM (ECS sends it, then SIGKILL after the task's stopTimeout).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["workers/main.ts"]
