# Build a static binary, then run it as a non-root user in a minimal image.
#
# Base images are named by tag here. For reproducible builds, pin each one
# by digest, keeping the tag for readers, and bump the digests on purpose:
#   docker buildx imagetools inspect golang:1.26 --format '{{json .Manifest.Digest}}'
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot --format '{{json .Manifest.Digest}}'
# (or `crane digest <image>`), then write, for example,
#   FROM golang:1.26@sha256:<digest> AS build
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# .git is not sent to the build, so the revision comes in as an argument:
#   docker build --build-arg REVISION=$(git rev-parse HEAD) -t collabbot .
ARG REVISION=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.revision=${REVISION}" -o /out/collabbot ./cmd/collabbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/collabbot /collabbot
ENV HTTP_ADDR=:8080
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: the binary probes its own /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/collabbot", "health"]
# Exit code 3: the app was uninstalled or its token revoked; a restart
# cannot help (see compose.yaml for restart policies).
ENTRYPOINT ["/collabbot"]
