# Build a static binary, then run it as a non-root user in a minimal image.
#
# Base images are pinned by digest, the tag kept for readers, so a build is
# reproducible and a base image changes only on purpose. To bump them:
#   docker buildx imagetools inspect golang:1.26 --format '{{json .Manifest.Digest}}'
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot --format '{{json .Manifest.Digest}}'
# (or `crane digest <image>`) and replace the sha256 after the tag.
FROM golang:1.26@sha256:595c7847cff97c9a9e76f015083c481d26078f961c9c8dca3923132f51fe12f1 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# .git is not sent to the build, so the revision comes in as an argument:
#   docker build --build-arg REVISION=$(git rev-parse HEAD) -t collabbot .
ARG REVISION=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.revision=${REVISION}" -o /out/collabbot ./cmd/collabbot

FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
COPY --from=build /out/collabbot /collabbot
ENV HTTP_ADDR=:8080
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: the binary probes its own /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/collabbot", "health"]
# Exit code 3: the app was uninstalled or its token revoked; a restart
# cannot help (see compose.yaml for restart policies).
ENTRYPOINT ["/collabbot"]
